package vlfer.model.encoder.resnet;

import java.util.ArrayList;
import java.util.List;
import vlfer.model.encoder.onednn.BlockShape;
import vlfer.model.encoder.onednn.ParamSpec;

/**
 * One of ResNet's basic blocks: {@code in} channels of {@code height x width} in, {@code out}
 * channels out at 1/{@code stride} the size; conv1 (3x3, stride), bn1, ReLU, conv2 (3x3), bn2,
 * plus the shortcut (the input, or a 1x1 strided convolution and a batch norm when the shape
 * changes), then ReLU. PyTorch's padding; batch norms with {@code eps} and running statistics
 * kept as {@code decay * old + (1 - decay) * batch}.
 */
public record BasicBlockShape(int in, int out, int height, int width, int stride, double eps, double decay) implements BlockShape {

    public boolean downsample() {
        return stride != 1 || in != out;
    }

    @Override
    public int outChannels() {
        return out;
    }

    @Override
    public int outHeight() {
        return (height - 1) / stride + 1;
    }

    @Override
    public int outWidth() {
        return (width - 1) / stride + 1;
    }

    /** The batch norms' names, in order. */
    public List<String> norms() {
        return downsample() ? List.of("bn1", "bn2", "downsample.1") : List.of("bn1", "bn2");
    }

    /**
     * The parameters in the order of the layer's flattened vector: torchvision's module names and
     * DL4J's keys joined by dots ({@code conv1.W}, {@code bn1.gamma}, {@code bn1.beta},
     * {@code bn1.mean}, {@code bn1.var}, ..., {@code downsample.0.W}, {@code downsample.1.*}).
     */
    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>();
        p.add(conv("conv1", in, 3));
        norm(p, "bn1");
        p.add(conv("conv2", out, 3));
        norm(p, "bn2");
        if (downsample()) {
            p.add(conv("downsample.0", in, 1));
            norm(p, "downsample.1");
        }
        return p;
    }

    private ParamSpec conv(String name, int channels, int k) {
        return ParamSpec.weight(name + ".W", new long[]{out, channels, k, k}, (double) channels * k * k, (double) out * k * k);
    }

    private void norm(List<ParamSpec> p, String name) {
        long[] vector = {1, out};
        p.add(ParamSpec.affine(name + ".gamma", vector, 1));
        p.add(ParamSpec.affine(name + ".beta", vector, 0));
        p.add(ParamSpec.statistic(name + ".mean", vector, 0));
        p.add(ParamSpec.statistic(name + ".var", vector, 1));
    }
}
