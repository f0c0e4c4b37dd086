package vlfer.model.encoder.resnet;

import java.util.List;
import vlfer.model.encoder.onednn.BlockShape;
import vlfer.model.encoder.onednn.ParamSpec;

/**
 * ResNet's stem: an RGB image of {@code height x width}, conv1 (7x7, stride 2, padding 3, no bias),
 * bn1, ReLU and a 3x3 max pooling (stride 2, padding 1): {@code out} channels at a quarter of the
 * size. Batch norm as in {@link BasicBlockShape}.
 */
public record StemShape(int out, int height, int width, double eps, double decay) implements BlockShape {
    public static final int IN = 3;

    public int convHeight() {
        return (height + 2 * 3 - 7) / 2 + 1;
    }

    public int convWidth() {
        return (width + 2 * 3 - 7) / 2 + 1;
    }

    @Override
    public int outChannels() {
        return out;
    }

    @Override
    public int outHeight() {
        return (convHeight() - 1) / 2 + 1;
    }

    @Override
    public int outWidth() {
        return (convWidth() - 1) / 2 + 1;
    }

    /** {@code conv1.W} [out, 3, 7, 7], then bn1's {@code gamma, beta, mean, var}: torchvision's names. */
    @Override
    public List<ParamSpec> params() {
        long[] vector = {1, out};
        return List.of(
                ParamSpec.weight("conv1.W", new long[]{out, IN, 7, 7}, IN * 49.0, out * 49.0 / 4),
                ParamSpec.affine("bn1.gamma", vector, 1),
                ParamSpec.affine("bn1.beta", vector, 0),
                ParamSpec.statistic("bn1.mean", vector, 0),
                ParamSpec.statistic("bn1.var", vector, 1));
    }
}
