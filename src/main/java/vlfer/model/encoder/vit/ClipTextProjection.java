package vlfer.model.encoder.vit;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.samediff.LayerNorms;
import vlfer.model.encoder.samediff.Linears;

/**
 * The end of CLIP's text tower, for every token: {@code ln_final}, then {@code text_projection}
 * [width, output], giving [N, output, context]. CLIP keeps only the end-of-text token's column;
 * which one that is depends on the text, so the caller picks it.
 */
public final class ClipTextProjection extends VitLayer {
    public static final String LN_GAIN = "lnFinalGain";
    public static final String LN_BIAS = "lnFinalBias";
    public static final String PROJECTION = "textProjection";

    private long output;

    /** For JSON deserialisation. */
    private ClipTextProjection() {
    }

    public ClipTextProjection(long width, long context, long output) {
        super(width, context);
        this.output = output;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable x = LayerNorms.apply(sd, input.permute(0, 2, 1), p.get(LN_GAIN), p.get(LN_BIAS), 3, width);
        SDVariable projected = x.reshape(-1, width).mmul(p.get(PROJECTION)).reshape(-1, tokens, output);
        return projected.permute(0, 2, 1);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(PROJECTION, width, output);
        params.addBiasParam(LN_GAIN, 1, width);
        params.addBiasParam(LN_BIAS, 1, width);
    }

    /** CLIP's initialisation: projection std width^-1/2. */
    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        Linears.normal(params.get(PROJECTION), 1 / Math.sqrt(width));
        LayerNorms.reset(params.get(LN_GAIN), params.get(LN_BIAS));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(output, tokens);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        requireTokens(inputType, "CLIP text projection");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClipTextProjection c && sameShape(c) && c.output == output;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(width, tokens, output, "text-projection");
    }

    public long getOutput() {
        return output;
    }

    public void setOutput(long output) {
        this.output = output;
    }
}
