package vlfer.model.encoder.vit;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * From the patch convolution's [N, width, g, g] output to the token sequence [N, width, 1 + g*g]
 * (DL4J's NCW): patches in row-major order after the class token, plus positional embeddings,
 * then {@code ln_pre} — as CLIP's {@code VisionTransformer.forward} up to the transformer.
 */
public final class VitEmbedding extends SameDiffLayer {
    public static final String CLASS = "classEmbedding";
    public static final String POSITIONS = "positionalEmbedding";
    public static final String LN_GAIN = "lnPreGain";
    public static final String LN_BIAS = "lnPreBias";

    private long width;
    private long patches;

    /** For JSON deserialisation. */
    private VitEmbedding() {
    }

    public VitEmbedding(long width, long patches) {
        this.width = width;
        this.patches = patches;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable tokens = input.reshape(-1, width, patches).permute(0, 2, 1);                 // [N, P, w]
        SDVariable cls = sd.zerosLike(tokens.get(SDIndex.all(), SDIndex.interval(0, 1), SDIndex.all()))
                .add(p.get(CLASS).reshape(1, 1, width));                                         // [N, 1, w]
        SDVariable x = sd.concat(1, cls, tokens).add(p.get(POSITIONS).reshape(1, patches + 1, width));
        return HalvedBackprop.output(sd, LayerNorms.apply(sd, x, p.get(LN_GAIN), p.get(LN_BIAS), 3, width).permute(0, 2, 1));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        // no weight decay on embeddings and norms (bias parameters in DL4J's terms)
        params.addBiasParam(CLASS, 1, width);
        params.addBiasParam(POSITIONS, patches + 1, width);
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
        return InputType.recurrent(width, patches + 1);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c) || c.getChannels() != width
                || c.getHeight() * c.getWidth() != patches) {
            throw new IllegalArgumentException("ViT embedding needs the patch grid [" + width + ", " + patches
                    + " patches], got " + inputType);
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VitEmbedding v && v.width == width && v.patches == patches;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(width) * 31 + Long.hashCode(patches);
    }

    // Bean accessors: DL4J's JSON (model files, Spark workers) reads and writes through them.

    public long getWidth() {
        return width;
    }

    public void setWidth(long width) {
        this.width = width;
    }

    public long getPatches() {
        return patches;
    }

    public void setPatches(long patches) {
        this.patches = patches;
    }
}
