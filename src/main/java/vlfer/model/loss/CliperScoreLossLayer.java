package vlfer.model.loss;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffOutputLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * cliper's loss on descriptor scores computed before it (token-space cliper: the descriptors come
 * out of CLIP's text transformer every step), input [B, C*K]; output {@code mean_k s_ck}. No parameters.
 */
public final class CliperScoreLossLayer extends SameDiffOutputLayer {
    private int classes;
    private int descriptors;

    /** For JSON deserialisation. */
    private CliperScoreLossLayer() {
    }

    public CliperScoreLossLayer(int classes, int descriptors) {
        if (classes < 2 || descriptors < 2) {
            throw new IllegalArgumentException("cliper needs C >= 2 classes and K >= 2 descriptors, got C=" + classes
                    + ", K=" + descriptors);
        }
        this.classes = classes;
        this.descriptors = descriptors;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable scores, SDVariable labels, Map<String, SDVariable> params) {
        return CliperLoss.define(sd, scores, labels, classes, descriptors);
    }

    @Override
    public String activationsVertexName() {
        return CliperLoss.SCORES;
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
        return InputType.feedForward(classes);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeFeedForward ff) || ff.getSize() != (long) classes * descriptors) {
            throw new IllegalArgumentException("cliper's loss needs the " + classes * descriptors + " descriptor scores, got "
                    + inputType);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CliperScoreLossLayer c && java.util.Objects.equals(getLayerName(), c.getLayerName())
                && classes == c.classes && descriptors == c.descriptors;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getLayerName(), classes, descriptors);
    }

    public int getClasses() {
        return classes;
    }

    public void setClasses(int classes) {
        this.classes = classes;
    }

    public int getDescriptors() {
        return descriptors;
    }

    public void setDescriptors(int descriptors) {
        this.descriptors = descriptors;
    }
}
