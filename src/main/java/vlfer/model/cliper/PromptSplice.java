package vlfer.model.cliper;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.model.encoder.samediff.HalvingSameDiffLayer;

/**
 * CLIP's text input for every descriptor: the template's token embeddings (CLIP's
 * {@code token_embedding} of "an ID photo of X X X X." padded to the context) with the learnt
 * tokens [C*K, width, M] in place of the X slots, plus {@code positional_embedding}. Template and
 * positions are frozen parameters, set from the CLIP weights; the splice is a product with a
 * constant placement matrix, so the tokens get exactly the gradient of their slots.
 */
public final class PromptSplice extends HalvingSameDiffLayer {
    public static final String TEMPLATE = "template";
    public static final String POSITIONS = "positionalEmbedding";

    private long width;
    private long context;
    private int firstSlot;
    private int tokens;

    /** For JSON deserialisation. */
    private PromptSplice() {
    }

    public PromptSplice(long width, long context, int firstSlot, int tokens) {
        this.width = width;
        this.context = context;
        this.firstSlot = firstSlot;
        this.tokens = tokens;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        DataType type = input.dataType();
        INDArray place = Nd4j.zeros(type, tokens, context);                                   // [M, T]
        INDArray keep = Nd4j.ones(type, 1, 1, context);                                       // template outside the slots
        for (int m = 0; m < tokens; m++) {
            place.putScalar(m, firstSlot + m, 1.0);
            keep.putScalar(new long[] {0, 0, firstSlot + m}, 0.0);
        }
        SDVariable spliced = input.reshape(-1, tokens).mmul(sd.constant(place)).reshape(-1, width, context);
        SDVariable template = p.get(TEMPLATE).permute(1, 0).reshape(1, width, context).mul(sd.constant(keep));
        SDVariable positions = p.get(POSITIONS).permute(1, 0).reshape(1, width, context);
        return spliced.add(template).add(positions);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addBiasParam(TEMPLATE, context, width);
        params.addBiasParam(POSITIONS, context, width);
    }

    /** Zeros until the CLIP weights are set ({@code CliperTokenMethod.loadPretrained}). */
    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(TEMPLATE).assign(0);
        params.get(POSITIONS).assign(0);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(width, context);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeRecurrent r) || r.getSize() != width || r.getTimeSeriesLength() != tokens) {
            throw new IllegalArgumentException("prompt splice needs " + tokens + " tokens of width " + width + ", got " + inputType);
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromptSplice s && s.width == width && s.context == context && s.firstSlot == firstSlot
                && s.tokens == tokens;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(width, context, firstSlot, tokens);
    }

    public long getWidth() {
        return width;
    }

    public void setWidth(long width) {
        this.width = width;
    }

    public long getContext() {
        return context;
    }

    public void setContext(long context) {
        this.context = context;
    }

    public int getFirstSlot() {
        return firstSlot;
    }

    public void setFirstSlot(int firstSlot) {
        this.firstSlot = firstSlot;
    }

    public int getTokens() {
        return tokens;
    }

    public void setTokens(int tokens) {
        this.tokens = tokens;
    }
}
