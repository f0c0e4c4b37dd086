package vlfer.model.loss;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffOutputLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The cliper output layer (METHODS.md section 2): K descriptor vectors per class, {@code U}
 * ([C*K, D], row c*K + k), are this layer's parameters; scores {@code s_ck = cos(v, u_ck) / tau}.
 * <ul>
 * <li>margin: logits {@code m_c = max_k s_ck} for c != y and {@code m_y = min_k s_yk}, cross-entropy;</li>
 * <li>fine-grained: {@code k* = argmax_k s_yk}; cross-entropy of {@code [s_yk*, s_ck for all c != y]}
 *     with target 0, weighted per sample by the balancing weight
 *     {@code alpha = (sum_k n_yk) softmax_k(1/n_y.)[k*] / n_yk*} (no gradient; {@code n_ck} counts the
 *     batch's samples of class c whose best descriptor is k; a zero count enters as -1/99).</li>
 * </ul>
 * {@code L = L_margin + alpha * L_fine} per sample; the output is {@code mean_k s_ck} (prediction by
 * the mean over a class's descriptors). The starting descriptors travel in the configuration.
 */
public final class CliperLossLayer extends SameDiffOutputLayer {
    public static final String SCORES = CliperLoss.SCORES;
    public static final String DESCRIPTORS = "U";

    private double[][] initialDescriptors;
    private int classes;
    private int descriptors;
    private double temperature;
    private long nIn;

    /** For JSON deserialisation. */
    private CliperLossLayer() {
    }

    /** {@code initial}: C*K rows of width D, class-major (row c*K + k is descriptor k of class c). */
    public CliperLossLayer(double[][] initial, int classes, int descriptors, double temperature) {
        if (classes < 2 || descriptors < 2 || initial.length != classes * descriptors) {
            throw new IllegalArgumentException("cliper needs C*K starting descriptors for C >= 2 classes and K >= 2, got "
                    + initial.length + " rows for C=" + classes + ", K=" + descriptors);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("cliper temperature must be positive, got " + temperature);
        }
        this.initialDescriptors = initial;
        this.classes = classes;
        this.descriptors = descriptors;
        this.temperature = temperature;
        this.nIn = initial[0].length;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable v, SDVariable labels, Map<String, SDVariable> params) {
        SDVariable u = params.get(DESCRIPTORS);
        SDVariable s = Vectors.unit(sd, v).mmul(Vectors.unit(sd, u).permute(1, 0)).div(temperature);  // [B, CK]
        return CliperLoss.define(sd, s, labels, classes, descriptors);
    }

    @Override
    public String activationsVertexName() {
        return SCORES;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(DESCRIPTORS, (long) classes * descriptors, nIn);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        INDArray u = params.get(DESCRIPTORS);
        u.assign(Nd4j.create(initialDescriptors).castTo(u.dataType()));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(classes);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeFeedForward ff) || ff.getSize() != nIn) {
            throw new IllegalArgumentException("cliper layer needs a feed-forward input of the descriptor width " + nIn
                    + ", got " + inputType + " (add a projection to the text width)");
        }
    }

    /** Equality over what defines the loss (DL4J's inherited equals ignores the descriptors and settings). */
    @Override
    public boolean equals(Object o) {
        return o instanceof CliperLossLayer c
                && java.util.Objects.equals(getLayerName(), c.getLayerName())
                && java.util.Arrays.deepEquals(initialDescriptors, c.initialDescriptors)
                && classes == c.classes && descriptors == c.descriptors && temperature == c.temperature && nIn == c.nIn
                && java.util.Objects.equals(getUpdater(), c.getUpdater());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getLayerName(), java.util.Arrays.deepHashCode(initialDescriptors), classes, descriptors,
                temperature, nIn);
    }

    // Bean accessors: DL4J's JSON (model files, evaluation broadcasts) reads and writes through them.

    public double[][] getInitialDescriptors() {
        return initialDescriptors;
    }

    public void setInitialDescriptors(double[][] initialDescriptors) {
        this.initialDescriptors = initialDescriptors;
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

    public double getTemperature() {
        return temperature;
    }

    public void setTemperature(double temperature) {
        this.temperature = temperature;
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }
}
