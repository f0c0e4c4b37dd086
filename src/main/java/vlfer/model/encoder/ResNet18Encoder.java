package vlfer.model.encoder;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import vlfer.model.NetworkFactory;
import vlfer.model.encoder.layers.LeanConvolutionLayer;
import vlfer.model.encoder.layers.LeanReluLayer;
import vlfer.model.encoder.resnet.BasicBlockShape;
import vlfer.model.encoder.resnet.FusedBasicBlock;
import vlfer.model.encoder.resnet.FusedStem;
import vlfer.model.encoder.resnet.StemShape;

/**
 * ResNet-18 in torchvision's layout, layer names = torchvision state-dict prefixes (conv1, bn1,
 * layer1.0.conv1, layer2.0.downsample.0, ...) so that weights can be imported by name. Explicit
 * PyTorch padding (ConvolutionMode.Truncate); batch-norm eps 1e-5 and momentum 0.1 (DL4J decay 0.9).
 * Ends in global average pooling: a 512-d feature.
 */
public final class ResNet18Encoder implements EncoderArchitecture {
    public static final int DEFAULT_INPUT = 112;
    public static final int BASE_WIDTH = 64;

    private static final double BN_EPS = 1e-5;
    private static final double BN_DECAY = 0.9;
    private static final int BLOCK_CHANNELS = 16;
    /** The fused stem's layer name (conv1, bn1, relu and maxpool in one). */
    public static final String STEM = "stem";

    private final int inputSize;
    private final int[] widths;
    private final boolean fused;

    public ResNet18Encoder(int inputSize) {
        this(inputSize, BASE_WIDTH);
    }

    /** {@code baseWidth} 64 is ResNet-18; smaller widths (same layout) serve tests. DL4J's own layers. */
    public ResNet18Encoder(int inputSize, int baseWidth) {
        this(inputSize, baseWidth, false);
    }

    /**
     * {@code fused}: each basic block one {@link FusedBasicBlock} (needs oneDNN, see {@code
     * Dnnl.available()}, and a base width that is a multiple of 16, oneDNN's channel block).
     */
    public ResNet18Encoder(int inputSize, int baseWidth, boolean fused) {
        if (fused && baseWidth % BLOCK_CHANNELS != 0) {
            throw new IllegalArgumentException("fused ResNet blocks need a base width that is a multiple of " + BLOCK_CHANNELS
                    + ", got " + baseWidth);
        }
        this.inputSize = inputSize;
        this.widths = new int[] {baseWidth, 2 * baseWidth, 4 * baseWidth, 8 * baseWidth};
        this.fused = fused;
    }

    @Override
    public EncoderMetadata metadata() {
        return EncoderMetadata.imageNet("resnet18", inputSize, widths[3]);
    }

    /** torchvision's {@code resnet18().state_dict()} names; {@code fc.*} is not part of the encoder. */
    @Override
    public List<TorchParam> stateDictLayout() {
        List<TorchParam> out = new ArrayList<>();
        List<TorchParam> stem = new ArrayList<>();
        TorchParam.conv(stem, "conv1");
        TorchParam.batchNorm(stem, "bn1");
        for (TorchParam t : stem) {
            // the fused stem holds conv1's and bn1's parameters as conv1.W, bn1.gamma, ...
            out.add(fused ? new TorchParam(t.key(), STEM, t.layer() + "." + t.param()) : t);
        }
        forEachBlock((p, in, width, stride) -> {
            List<TorchParam> block = new ArrayList<>();
            blockLayout(block, p, in, width, stride);
            for (TorchParam t : block) {
                // a fused block holds its modules' parameters as "module.key" (conv1.W, bn1.mean)
                out.add(fused ? new TorchParam(t.key(), p, t.layer().substring(p.length() + 1) + "." + t.param()) : t);
            }
            return p;
        });
        return out;
    }

    private static void blockLayout(List<TorchParam> out, String p, int in, int width, int stride) {
        TorchParam.conv(out, p + ".conv1");
        TorchParam.batchNorm(out, p + ".bn1");
        TorchParam.conv(out, p + ".conv2");
        TorchParam.batchNorm(out, p + ".bn2");
        if (hasDownsample(in, width, stride)) {
            TorchParam.conv(out, p + ".downsample.0");
            TorchParam.batchNorm(out, p + ".downsample.1");
        }
    }

    private interface BlockVisitor {
        String visit(String prefix, int in, int width, int stride);
    }

    /** Visits the 8 basic blocks in order (layer1.0 ... layer4.1); returns the last visit's result. */
    private String forEachBlock(BlockVisitor v) {
        String last = null;
        int in = widths[0];
        for (int stage = 0; stage < 4; stage++) {
            for (int block = 0; block < 2; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                last = v.visit("layer" + (stage + 1) + "." + block, in, widths[stage], stride);
                in = widths[stage];
            }
        }
        return last;
    }

    private static boolean hasDownsample(int in, int out, int stride) {
        return stride != 1 || in != out;
    }

    @Override
    public String addTo(ComputationGraphConfiguration.GraphBuilder g, String input) {
        String[] prev = {input};
        if (fused) {
            StemShape stem = new StemShape(widths[0], inputSize, inputSize, BN_EPS, BN_DECAY);
            // the image needs no gradient; a vertex before the encoder (video frames) does
            g.addLayer(STEM, new FusedStem(stem, !input.equals(NetworkFactory.INPUT), true), input);
            prev[0] = STEM;
            int[] side = {stem.outHeight()};
            String last = "layer4.1";
            forEachBlock((p, in, width, stride) -> {
                // the blocks read their predecessor's maps in oneDNN's blocked layout; the last one's
                // output goes to the pooling layer in NCHW
                g.addLayer(p, new FusedBasicBlock(new BasicBlockShape(in, width, side[0], side[0], stride, BN_EPS, BN_DECAY),
                        true, !p.equals(last)), prev[0]);
                side[0] = (side[0] - 1) / stride + 1;
                return prev[0] = p;
            });
        } else {
            g.addLayer("conv1", conv(3, widths[0], 7, 2, 3), input);
            g.addLayer("bn1", bn(widths[0]), "conv1");
            g.addLayer("relu", relu(), "bn1");
            g.addLayer("maxpool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(3, 3).stride(2, 2).padding(1, 1)
                    .convolutionMode(ConvolutionMode.Truncate).build(), "relu");
            prev[0] = "maxpool";
            forEachBlock((p, in, width, stride) -> prev[0] = basicBlock(g, p, prev[0], in, width, stride));
        }
        g.addLayer("avgpool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), prev[0]);
        return "avgpool";
    }

    private static String basicBlock(ComputationGraphConfiguration.GraphBuilder g, String p, String input, int in, int out,
                                     int stride) {
        g.addLayer(p + ".conv1", conv(in, out, 3, stride, 1), input);
        g.addLayer(p + ".bn1", bn(out), p + ".conv1");
        g.addLayer(p + ".relu1", relu(), p + ".bn1");
        g.addLayer(p + ".conv2", conv(out, out, 3, 1, 1), p + ".relu1");
        g.addLayer(p + ".bn2", bn(out), p + ".conv2");
        String shortcut = input;
        if (hasDownsample(in, out, stride)) {
            g.addLayer(p + ".downsample.0", conv(in, out, 1, stride, 0), input);
            g.addLayer(p + ".downsample.1", bn(out), p + ".downsample.0");
            shortcut = p + ".downsample.1";
        }
        g.addVertex(p + ".add", new ElementWiseVertex(ElementWiseVertex.Op.Add), p + ".bn2", shortcut);
        g.addLayer(p + ".relu2", relu(), p + ".add");
        return p + ".relu2";
    }

    private static ConvolutionLayer conv(int in, int out, int k, int stride, int pad) {
        return new LeanConvolutionLayer.Builder(k, k).nIn(in).nOut(out).stride(stride, stride).padding(pad, pad)
                .convolutionMode(ConvolutionMode.Truncate).hasBias(false).activation(Activation.IDENTITY).build();
    }

    private static BatchNormalization bn(int channels) {
        // variance stored as such (not DL4J's default log10 std), so running_var imports unchanged
        return new BatchNormalization.Builder().nOut(channels).eps(BN_EPS).decay(BN_DECAY).useLogStd(false).build();
    }

    private static ActivationLayer relu() {
        return new LeanReluLayer();
    }
}
