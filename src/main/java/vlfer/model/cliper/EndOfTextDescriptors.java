package vlfer.model.cliper;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.samediff.HalvingSameDiffLayer;
import vlfer.model.loss.Vectors;

/**
 * The descriptor embeddings u_ck of token-space cliper, unit length: from the text tower's projected
 * states [C*K, D, context], the end-of-text column (the same position for every prompt, as they
 * share one template). No parameters.
 */
public final class EndOfTextDescriptors extends HalvingSameDiffLayer {
    private long width;
    private long context;
    private int endOfText;

    /** For JSON deserialisation. */
    private EndOfTextDescriptors() {
    }

    public EndOfTextDescriptors(long width, long context, int endOfText) {
        this.width = width;
        this.context = context;
        this.endOfText = endOfText;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable u = input.get(SDIndex.all(), SDIndex.all(), SDIndex.point(endOfText));
        return Vectors.unit(sd, u);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(width);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeRecurrent r) || r.getSize() != width || r.getTimeSeriesLength() != context) {
            throw new IllegalArgumentException("end-of-text descriptors need text states [" + width + ", " + context + "], got "
                    + inputType);
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndOfTextDescriptors e && e.width == width && e.context == context && e.endOfText == endOfText;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(width, context, endOfText);
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

    public int getEndOfText() {
        return endOfText;
    }

    public void setEndOfText(int endOfText) {
        this.endOfText = endOfText;
    }
}
