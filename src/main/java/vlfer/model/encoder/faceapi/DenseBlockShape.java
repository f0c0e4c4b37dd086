package vlfer.model.encoder.faceapi;

import java.util.ArrayList;
import java.util.List;
import vlfer.model.encoder.onednn.BlockShape;
import vlfer.model.encoder.onednn.ParamSpec;

/**
 * One of face-api's dense blocks: {@code in} channels of {@code height x width} in, {@code out}
 * channels at half the size out. The first block's conv0 is a plain 3x3 convolution, the other
 * blocks' a depthwise-separable one; conv1..conv3 are depthwise-separable at stride 1.
 */
public record DenseBlockShape(int in, int out, int height, int width, boolean first) implements BlockShape {
    public static final int CONVS = 4;
    public static final int KERNEL = 3;

    @Override
    public int outChannels() {
        return out;
    }

    @Override
    public int outHeight() {
        return (height + 1) / 2;
    }

    @Override
    public int outWidth() {
        return (width + 1) / 2;
    }

    /**
     * The parameters, in the order of the layer's flattened parameter vector: {@code convI.W},
     * {@code convI.b} and {@code convI.depthwise.W}, DL4J's layer names and keys joined by dots (DL4J
     * splits gradient names at the last underscore, so keys have none).
     */
    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>();
        for (int i = 0; i < CONVS; i++) {
            String conv = "conv" + i;
            if (i == 0 && first) {
                p.add(ParamSpec.weight(conv + ".W", new long[]{out, in, KERNEL, KERNEL}, (double) in * KERNEL * KERNEL,
                        (double) out * KERNEL * KERNEL / 4));
            } else {
                int channels = i == 0 ? in : out;
                int stride = i == 0 ? 2 : 1;
                p.add(ParamSpec.weight(conv + ".depthwise.W", new long[]{KERNEL, KERNEL, channels, 1},
                        (double) channels * KERNEL * KERNEL, (double) channels * KERNEL * KERNEL / (stride * stride)));
                p.add(ParamSpec.weight(conv + ".W", new long[]{out, channels, 1, 1}, channels, out));
            }
            p.add(ParamSpec.bias(conv + ".b", new long[]{1, out}));
        }
        return p;
    }
}
