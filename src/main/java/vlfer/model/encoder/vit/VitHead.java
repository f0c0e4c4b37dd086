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

/** The class token after the last block, {@code ln_post}, then the projection {@code proj} [width, output]: CLIP's image embedding. */
public final class VitHead extends VitLayer {
    public static final String LN_GAIN = "lnPostGain";
    public static final String LN_BIAS = "lnPostBias";
    public static final String PROJECTION = "proj";

    private long output;

    /** For JSON deserialisation. */
    private VitHead() {
    }

    public VitHead(long width, long tokens, long output) {
        super(width, tokens);
        this.output = output;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable cls = input.get(SDIndex.all(), SDIndex.all(), SDIndex.point(0));               // [N, w]
        return LayerNorms.apply(sd, cls, p.get(LN_GAIN), p.get(LN_BIAS), 2, width).mmul(p.get(PROJECTION));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(PROJECTION, width, output);
        params.addBiasParam(LN_GAIN, 1, width);
        params.addBiasParam(LN_BIAS, 1, width);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        INDArray proj = params.get(PROJECTION);
        proj.assign(Nd4j.randn(proj.dataType(), proj.shape()).muli(1 / Math.sqrt(width)));
        LayerNorms.reset(params.get(LN_GAIN), params.get(LN_BIAS));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(output);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        requireTokens(inputType, "ViT head");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VitHead h && sameShape(h) && h.output == output;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(width, tokens, output);
    }

    // Bean accessors: DL4J's JSON (model files, Spark workers) reads and writes through them.

    public long getOutput() {
        return output;
    }

    public void setOutput(long output) {
        this.output = output;
    }
}
