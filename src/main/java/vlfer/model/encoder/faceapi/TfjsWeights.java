package vlfer.model.encoder.faceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads TF.js weights: a weights manifest (JSON) and its binary shard, float32 or 8-bit quantised
 * ({@code value = min + scale * byte}). Tensors come out in TF's own layout (filters HWIO,
 * depthwise HWCM). A manifest that does not match its shard is an error naming the weight.
 */
public final class TfjsWeights {
    private TfjsWeights() {
    }

    /** Loads {@code <resourceDir>/<model>-weights_manifest.json} and the shard it names from the classpath. */
    public static Map<String, INDArray> fromClasspath(String resourceDir, String model) {
        String manifest = resourceDir + "/" + model + "-weights_manifest.json";
        try (InputStream m = open(manifest)) {
            JsonNode group = new ObjectMapper().readTree(m).get(0);
            String shard = resourceDir + "/" + group.get("paths").get(0).asText();
            try (InputStream bin = open(shard)) {
                return decode(group.get("weights"), bin.readAllBytes(), shard);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TF.js weights " + manifest + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = TfjsWeights.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("resource " + resource + " is not on the classpath");
        }
        return in;
    }

    /** Decodes {@code shard} as the manifest's {@code weights} list describes it. */
    public static Map<String, INDArray> decode(JsonNode weights, byte[] shard, String shardName) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        ByteBuffer buf = ByteBuffer.wrap(shard).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode w : weights) {
            String name = w.get("name").asText();
            long[] shape = new long[w.get("shape").size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = w.get("shape").get(i).asLong();
                count *= shape[i];
            }
            JsonNode q = w.get("quantization");
            String type = q == null ? w.get("dtype").asText() : q.get("dtype").asText();
            int bytes = switch (type) {
                case "float32" -> 4;
                case "uint8" -> 1;
                default -> throw new IllegalArgumentException("weight " + name + ": unsupported dtype " + type);
            };
            if (buf.remaining() < count * bytes) {
                throw new IllegalArgumentException("weight " + name + " " + Arrays.toString(shape) + " needs " + count * bytes
                        + " bytes but " + shardName + " has " + buf.remaining() + " left");
            }
            float[] values = new float[(int) count];
            if (bytes == 4) {
                for (int i = 0; i < count; i++) {
                    values[i] = buf.getFloat();
                }
            } else {
                double scale = q.get("scale").asDouble();
                double min = q.get("min").asDouble();
                for (int i = 0; i < count; i++) {
                    values[i] = (float) (min + scale * (buf.get() & 0xFF));
                }
            }
            out.put(name, Nd4j.create(values, shape, 'c').castTo(DataType.FLOAT));
        }
        if (buf.remaining() != 0) {
            throw new IllegalArgumentException(shardName + " has " + buf.remaining() + " bytes the manifest does not describe");
        }
        return out;
    }
}
