package vlfer.model.encoder.vit;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.model.encoder.samediff.LayerNorms;

/**
 * From the patch convolution's [N, width, g, g] output to the token sequence [N, width, 1 + g*g]
 * (DL4J's NCW): patches in row-major order after the class token, plus positional embeddings,
 * then {@code ln_pre} — as CLIP's {@code VisionTransformer.forward} up to the transformer.
 */
public final class VitEmbedding extends VitLayer {
    public static final String CLASS = "classEmbedding";
    public static final String POSITIONS = "positionalEmbedding";
    public static final String LN_GAIN = "lnPreGain";
    public static final String LN_BIAS = "lnPreBias";

    /** For JSON deserialisation. */
    private VitEmbedding() {
    }

    public VitEmbedding(long width, long patches) {
        super(width, patches + 1);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable patches = input.reshape(-1, width, tokens - 1).permute(0, 2, 1);                // [N, P, w]
        SDVariable cls = sd.zerosLike(patches.get(SDIndex.all(), SDIndex.interval(0, 1), SDIndex.all()))
                .add(p.get(CLASS).reshape(1, 1, width));                                         // [N, 1, w]
        SDVariable x = sd.concat(1, cls, patches).add(p.get(POSITIONS).reshape(1, tokens, width));
        return LayerNorms.apply(sd, x, p.get(LN_GAIN), p.get(LN_BIAS), 3, width).permute(0, 2, 1);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        // no weight decay on embeddings and norms (bias parameters in DL4J's terms)
        params.addBiasParam(CLASS, 1, width);
        params.addBiasParam(POSITIONS, tokens, width);
        params.addBiasParam(LN_GAIN, 1, width);
        params.addBiasParam(LN_BIAS, 1, width);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        double scale = 1 / Math.sqrt(width);
        for (String k : new String[] {CLASS, POSITIONS}) {
            INDArray a = params.get(k);
            a.assign(Nd4j.randn(a.dataType(), a.shape()).muli(scale));
        }
        LayerNorms.reset(params.get(LN_GAIN), params.get(LN_BIAS));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(width, tokens);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c) || c.getChannels() != width
                || c.getHeight() * c.getWidth() != tokens - 1) {
            throw new IllegalArgumentException("ViT embedding needs the patch grid [" + width + ", " + (tokens - 1)
                    + " patches], got " + inputType);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VitEmbedding v && sameShape(v);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(width) * 31 + Long.hashCode(tokens);
    }
}
