package vlfer.model.encoder;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.nd4j.linalg.activations.Activation;
import vlfer.model.encoder.layers.LeanConvolutionLayer;
import vlfer.model.encoder.swin.SwinBlock;
import vlfer.model.encoder.swin.SwinHead;
import vlfer.model.encoder.swin.SwinMerge;
import vlfer.model.encoder.swin.SwinPatchNorm;
import vlfer.model.encoder.swin.SwinShape;

/**
 * The Swin Transformer in torchvision's layout ({@code torchvision.models.swin_t} and its kin):
 * layer names are the state-dict prefixes ({@code features.0.0} the patch convolution,
 * {@code features.1.0} the first block, {@code features.2} the first patch merging, ..., {@code norm}),
 * so weights import by name; {@code head.*} is torchvision's classifier and is left unused. Any input
 * side torchvision accepts works: odd maps are padded as torchvision pads them. The feature is the
 * mean of the last stage's normed map (768-d for Swin-T).
 */
public final class SwinEncoder implements EncoderArchitecture {
    private final String name;
    private final SwinShape shape;

    public SwinEncoder(String name, SwinShape shape) {
        this.name = name;
        this.shape = shape;
    }

    @Override
    public EncoderMetadata metadata() {
        return EncoderMetadata.imageNet(name, shape.imageSize(), shape.outputDim());
    }

    @Override
    public String addTo(ComputationGraphConfiguration.GraphBuilder g, String input) {
        int p = shape.patch();
        g.addLayer("features.0.0", new LeanConvolutionLayer.Builder(p, p).nIn(3).nOut(shape.embedDim()).stride(p, p)
                .convolutionMode(ConvolutionMode.Truncate).activation(Activation.IDENTITY).build(), input);
        int side = shape.side(0);
        g.addLayer("features.0.2", new SwinPatchNorm(shape.embedDim(), side, side), "features.0.0");
        String prev = "features.0.2";
        for (int s = 0; s < shape.stages(); s++) {
            side = shape.side(s);
            int width = shape.width(s);
            for (int b = 0; b < shape.depths().get(s); b++) {
                String block = stage(s) + "." + b;
                g.addLayer(block, new SwinBlock(width, side, side, shape.heads().get(s), shape.window(), b % 2 == 1), prev);
                prev = block;
            }
            if (s < shape.stages() - 1) {
                g.addLayer(merge(s), new SwinMerge(width, side, side), prev);
                prev = merge(s);
            }
        }
        side = shape.side(shape.stages() - 1);
        g.addLayer("norm", new SwinHead(shape.outputDim(), side, side), prev);
        return "norm";
    }

    /** torchvision's {@code features} index of stage {@code s}'s blocks. */
    private static String stage(int s) {
        return "features." + (2 * s + 1);
    }

    /** torchvision's {@code features} index of the patch merging after stage {@code s}. */
    private static String merge(int s) {
        return "features." + (2 * s + 2);
    }

    /** torchvision's {@code swin_t().state_dict()} names; {@code relative_position_index} buffers are integers and skipped. */
    @Override
    public List<TorchParam> stateDictLayout() {
        List<TorchParam> out = new ArrayList<>();
        out.add(TorchParam.same("features.0.0.weight", "features.0.0", "W"));
        out.add(TorchParam.same("features.0.0.bias", "features.0.0", "b"));
        norm(out, "features.0.2", "features.0.2", SwinPatchNorm.GAIN, SwinPatchNorm.BIAS);
        for (int s = 0; s < shape.stages(); s++) {
            for (int b = 0; b < shape.depths().get(s); b++) {
                String layer = stage(s) + "." + b;
                norm(out, layer + ".norm1", layer, SwinBlock.NORM1_GAIN, SwinBlock.NORM1_BIAS);
                linear(out, layer + ".attn.qkv", layer, SwinBlock.QKV_WEIGHT, SwinBlock.QKV_BIAS);
                linear(out, layer + ".attn.proj", layer, SwinBlock.PROJ_WEIGHT, SwinBlock.PROJ_BIAS);
                out.add(TorchParam.same(layer + ".attn.relative_position_bias_table", layer, SwinBlock.POSITION_BIAS));
                norm(out, layer + ".norm2", layer, SwinBlock.NORM2_GAIN, SwinBlock.NORM2_BIAS);
                linear(out, layer + ".mlp.0", layer, SwinBlock.FC1_WEIGHT, SwinBlock.FC1_BIAS);
                linear(out, layer + ".mlp.3", layer, SwinBlock.FC2_WEIGHT, SwinBlock.FC2_BIAS);
            }
            if (s < shape.stages() - 1) {
                norm(out, merge(s) + ".norm", merge(s), SwinMerge.NORM_GAIN, SwinMerge.NORM_BIAS);
                out.add(TorchParam.same(merge(s) + ".reduction.weight", merge(s), SwinMerge.REDUCTION));
            }
        }
        norm(out, "norm", "norm", SwinHead.GAIN, SwinHead.BIAS);
        return out;
    }

    private static void norm(List<TorchParam> out, String key, String layer, String gain, String bias) {
        out.add(TorchParam.same(key + ".weight", layer, gain));
        out.add(TorchParam.same(key + ".bias", layer, bias));
    }

    private static void linear(List<TorchParam> out, String key, String layer, String weight, String bias) {
        out.add(TorchParam.same(key + ".weight", layer, weight));
        out.add(TorchParam.same(key + ".bias", layer, bias));
    }
}
