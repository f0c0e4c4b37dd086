package vlfer.model.cliper;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.samediff.HalvingSameDiffLayer;
import vlfer.model.encoder.samediff.Linears;

/**
 * The learnt prompt tokens of token-space cliper: M token vectors for each of the C*K descriptors,
 * the layer's one parameter [C*K*M, width] (row (c*K + k)*M + m), initialised N(0, std^2) as the
 * released code. Its output, [C*K, width, M], does not depend on the batch: the layer hangs off the
 * image features only so that DL4J's graph runs it every step, and passes them zero gradient.
 */
public final class CliperTokens extends HalvingSameDiffLayer {
    public static final String TOKENS = "tokens";

    private long prompts;
    private int tokens;
    private long width;
    private double initStd;

    /** For JSON deserialisation. */
    private CliperTokens() {
    }

    public CliperTokens(long prompts, int tokens, long width, double initStd) {
        this.prompts = prompts;
        this.tokens = tokens;
        this.width = width;
        this.initStd = initStd;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable perPrompt = p.get(TOKENS).reshape(prompts, tokens, width).permute(0, 2, 1);     // [CK, w, M]
        return perPrompt.add(input.sum().mul(0));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(TOKENS, prompts * tokens, width);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        Linears.normal(params.get(TOKENS), initStd);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(width, tokens);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CliperTokens t && t.prompts == prompts && t.tokens == tokens && t.width == width
                && t.initStd == initStd;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(prompts, tokens, width, initStd);
    }

    public long getPrompts() {
        return prompts;
    }

    public void setPrompts(long prompts) {
        this.prompts = prompts;
    }

    public int getTokens() {
        return tokens;
    }

    public void setTokens(int tokens) {
        this.tokens = tokens;
    }

    public long getWidth() {
        return width;
    }

    public void setWidth(long width) {
        this.width = width;
    }

    public double getInitStd() {
        return initStd;
    }

    public void setInitStd(double initStd) {
        this.initStd = initStd;
    }
}
