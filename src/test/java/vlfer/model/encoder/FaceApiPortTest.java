package vlfer.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.config.AugmentSettings;
import vlfer.data.image.FacePreprocessor;

/**
 * The DL4J port of face-api's expression model against the published model's own outputs
 * (fixtures.json, computed by face-api's code on TF.js, see its README): the 256-d features and
 * the 7 probabilities on two real photos (through the project's own preprocessing) and on seeded
 * random inputs. Measured: features within 4e-6, probabilities within 6e-7 (float32).
 */
class FaceApiPortTest {
    private static final String FIXTURES = "vlfer/encoders/face-api/";
    private static final java.util.Map<Boolean, ComputationGraph> NETS = new java.util.HashMap<>();
    private static FaceApiEncoder encoder;
    private static JsonNode fixtures;

    @BeforeAll
    static void load() throws IOException {
        encoder = new FaceApiEncoder(FaceApiEncoder.INPUT);
        try (InputStream in = resource("fixtures.json")) {
            fixtures = new ObjectMapper().readTree(in);
        }
    }

    private static InputStream resource(String name) {
        return FaceApiPortTest.class.getClassLoader().getResourceAsStream(FIXTURES + name);
    }

    /** The published model from DL4J's layers, or ({@code fused}) with oneDNN-run dense blocks. */
    private static synchronized ComputationGraph net(boolean fused) {
        org.junit.jupiter.api.Assumptions.assumeTrue(!fused || vlfer.model.encoder.onednn.Dnnl.available(), "oneDNN runs here");
        return NETS.computeIfAbsent(fused, f -> {
            FaceApiEncoder e = new FaceApiEncoder(FaceApiEncoder.INPUT, f);
            ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                    .graphBuilder().addInputs("image");
            String features = e.addTo(g, "image");
            g.setOutputs(FaceApiEncoder.addPublishedHead(g, features), features);
            g.setInputTypes(InputType.convolutional(112, 112, 3));
            ComputationGraph n = new ComputationGraph(g.build());
            n.init();
            e.loadPretrained(n);
            return n;
        });
    }

    private static INDArray[] run(boolean fused, INDArray image) {
        INDArray[] out = net(fused).output(false, image);
        return new INDArray[]{out[1], out[0]};
    }

    private static double maxDiff(INDArray actual, JsonNode expected) {
        double max = 0;
        for (int i = 0; i < expected.size(); i++) {
            max = Math.max(max, Math.abs(actual.getDouble(i) - expected.get(i).asDouble()));
        }
        return max;
    }

    private static int argMax(JsonNode p) {
        int best = 0;
        for (int i = 1; i < p.size(); i++) {
            if (p.get(i).asDouble() > p.get(best).asDouble()) {
                best = i;
            }
        }
        return best;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "fused dense blocks: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void realPhotosGetThePublishedPredictionsThroughTheProjectsPreprocessing(boolean fused) throws IOException {
        FacePreprocessor pre = new FacePreprocessor(encoder.metadata().input(), AugmentSettings.NONE);
        String[][] photos = {{"astronaut_face.png", "happy"}, {"grace_hopper_face.png", "neutral"}};
        for (String[] photo : photos) {
            BufferedImage img;
            try (InputStream in = resource(photo[0])) {
                img = ImageIO.read(in);
            }
            float[] x = new float[pre.tensorLength()];
            pre.toTensor(img, null, x, 0);
            INDArray[] out = run(fused, Nd4j.create(x, new long[]{1, 3, 112, 112}, 'c'));
            JsonNode expected = fixtures.get("photos").get(photo[0]);
            assertEquals(photo[1], FaceApiEncoder.PUBLISHED_CLASSES.get(argMax(expected.get("probabilities"))), "fixture");
            assertEquals(photo[1], FaceApiEncoder.PUBLISHED_CLASSES.get(out[1].argMax(1).getInt(0)), photo[0]);
            double features = maxDiff(out[0], expected.get("features"));
            double probabilities = maxDiff(out[1], expected.get("probabilities"));
            assertTrue(features < 1e-4, photo[0] + ": features differ by " + features);
            assertTrue(probabilities < 1e-5, photo[0] + ": probabilities differ by " + probabilities);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "fused dense blocks: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void seededRandomInputsMatchTheReferenceToFloatPrecision(boolean fused) {
        for (JsonNode r : fixtures.get("random")) {
            int[] pixels = mulberry32Pixels(r.get("seed").asInt(), 112 * 112 * 3);
            float[] mean = encoder.metadata().input().mean();
            INDArray x = Nd4j.create(DataType.FLOAT, 1, 3, 112, 112);
            for (int i = 0; i < 112 * 112; i++) {
                for (int c = 0; c < 3; c++) {
                    x.putScalar(new long[]{0, c, i / 112, i % 112}, pixels[i * 3 + c] / 255f - mean[c]);
                }
            }
            INDArray[] out = run(fused, x);
            double features = maxDiff(out[0], r.get("features"));
            double probabilities = maxDiff(out[1], r.get("probabilities"));
            assertTrue(features < 1e-4, "seed " + r.get("seed") + ": features differ by " + features);
            assertTrue(probabilities < 1e-5, "seed " + r.get("seed") + ": probabilities differ by " + probabilities);
        }
    }

    /** The fixture script's mulberry32 stream, as integer pixels 0..255. */
    private static int[] mulberry32Pixels(int seed, int n) {
        int[] out = new int[n];
        int a = seed;
        for (int i = 0; i < n; i++) {
            a += 0x6D2B79F5;
            int t = a;
            t = (t ^ (t >>> 15)) * (t | 1);
            t ^= t + (t ^ (t >>> 7)) * (t | 61);
            long u = (t ^ (t >>> 14)) & 0xFFFFFFFFL;
            out[i] = (int) Math.floor(u / 4294967296.0 * 256);
        }
        return out;
    }

    @Test
    void onlyTheInputSizeItWasTrainedAtIsAccepted() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new FaceApiEncoder(96));
        assertTrue(e.getMessage().contains("vlfer.model.input-size"), e.getMessage());
    }

    @Test
    void aShardShorterThanItsManifestNamesTheWeight() throws IOException {
        JsonNode manifest;
        try (InputStream in = FaceApiPortTest.class.getClassLoader()
                .getResourceAsStream(FaceApiEncoder.RESOURCES + "/" + FaceApiEncoder.MODEL + "-weights_manifest.json")) {
            manifest = new ObjectMapper().readTree(in).get(0).get("weights");
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> vlfer.model.encoder.faceapi.TfjsWeights.decode(manifest, new byte[1000], "short.bin"));
        assertTrue(e.getMessage().contains("dense0/conv1/depthwise_filter") && e.getMessage().contains("short.bin"), e.getMessage());
    }
}
