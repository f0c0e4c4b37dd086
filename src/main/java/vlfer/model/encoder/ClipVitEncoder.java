package vlfer.model.encoder;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.nd4j.linalg.activations.Activation;
import vlfer.data.image.InputSpec;
import vlfer.model.encoder.vit.VitBlock;
import vlfer.model.encoder.vit.VitEmbedding;
import vlfer.model.encoder.vit.VitHead;
import vlfer.model.encoder.vit.VitShape;
import vlfer.model.encoder.layers.LeanConvolutionLayer;

/**
 * CLIP's image tower (OpenAI's {@code VisionTransformer}): patch convolution without bias, class
 * token and positional embeddings, {@code ln_pre}, pre-norm blocks with QuickGELU, {@code ln_post}
 * on the class token and the projection into the joint space. Its state-dict layout is CLIP's
 * {@code visual.*} (set {@code vlfer.model.weights-prefix = "visual."} for a whole CLIP checkpoint).
 */
public final class ClipVitEncoder implements EncoderArchitecture {
    public static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    public static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private final String name;
    private final VitShape shape;

    public ClipVitEncoder(String name, VitShape shape) {
        this.name = name;
        this.shape = shape;
    }

    @Override
    public EncoderMetadata metadata() {
        int s = shape.imageSize();
        return new EncoderMetadata(name, new InputSpec(s, s, CLIP_MEAN, CLIP_STD), 3, shape.outputDim());
    }

    @Override
    public String addTo(ComputationGraphConfiguration.GraphBuilder g, String input) {
        int w = shape.width();
        g.addLayer("vit.conv1", new LeanConvolutionLayer.Builder(shape.patch(), shape.patch()).nIn(3).nOut(w)
                .stride(shape.patch(), shape.patch()).convolutionMode(ConvolutionMode.Truncate).hasBias(false)
                .activation(Activation.IDENTITY).build(), input);
        g.addLayer("vit.embed", new VitEmbedding(w, shape.tokens() - 1), "vit.conv1");
        String prev = "vit.embed";
        for (int i = 0; i < shape.layers(); i++) {
            g.addLayer(block(i), new VitBlock(w, shape.tokens(), shape.heads(), shape.layers()), prev);
            prev = block(i);
        }
        g.addLayer("vit.head", new VitHead(w, shape.tokens(), shape.outputDim()), prev);
        return "vit.head";
    }

    private static String block(int i) {
        return "vit.block" + i;
    }

    @Override
    public List<TorchParam> stateDictLayout() {
        List<TorchParam> out = new ArrayList<>();
        out.add(TorchParam.same("conv1.weight", "vit.conv1", "W"));
        out.add(TorchParam.same("class_embedding", "vit.embed", VitEmbedding.CLASS));
        out.add(TorchParam.same("positional_embedding", "vit.embed", VitEmbedding.POSITIONS));
        layerNorm(out, "ln_pre", "vit.embed", VitEmbedding.LN_GAIN, VitEmbedding.LN_BIAS);
        for (int i = 0; i < shape.layers(); i++) {
            VitBlock.stateDictLayout(out, "transformer.resblocks." + i + ".", block(i));
        }
        layerNorm(out, "ln_post", "vit.head", VitHead.LN_GAIN, VitHead.LN_BIAS);
        out.add(TorchParam.same("proj", "vit.head", VitHead.PROJECTION));
        return out;
    }

    private static void layerNorm(List<TorchParam> out, String key, String layer, String gain, String bias) {
        out.add(TorchParam.same(key + ".weight", layer, gain));
        out.add(TorchParam.same(key + ".bias", layer, bias));
    }
}
