package vlfer.model.loss;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffOutputLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
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
    public static final String SCORES = "class_scores";
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
        DataType type = v.dataType();
        int k = descriptors;
        INDArray expandArr = Nd4j.zeros(type, classes, (long) classes * k);                 // [C, CK]: class -> its descriptors
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < k; j++) {
                expandArr.putScalar(c, (long) c * k + j, 1.0);
            }
        }
        SDVariable expand = sd.constant("cliper_expand", expandArr);
        SDVariable u = params.get(DESCRIPTORS);
        SDVariable s = Vectors.unit(sd, v).mmul(Vectors.unit(sd, u).permute(1, 0)).div(temperature);  // [B, CK]
        SDVariable perClass = s.reshape(-1, classes, k);                                     // [B, C, K]
        SDVariable best = perClass.max(2);                                                   // [B, C]
        SDVariable worst = perClass.min(2);
        perClass.mean(SCORES, 2);                                                            // the output

        // margin: the worst descriptor of the true class against the best of every other class
        SDVariable margin = labels.mul(worst).add(labels.rsub(1.0).mul(best));
        SDVariable marginLoss = labels.mul(Vectors.logSoftmax(sd, margin, 1)).sum(true, 1).neg();    // [B, 1]

        // fine-grained: the true class's best descriptor against every descriptor of the other classes
        SDVariable positive = labels.mul(best).sum(true, 1);                                 // [B, 1]
        SDVariable others = labels.rsub(1.0).mmul(expand);                                   // [B, CK]
        SDVariable top = s.max(true, 1);
        SDVariable sumExp = sd.math().exp(positive.sub(top)).add(others.mul(sd.math().exp(s.sub(top))).sum(true, 1));
        SDVariable fineLoss = sd.math().log(sumExp).add(top).sub(positive);                 // [B, 1]

        // balancing weight, from which descriptor wins for each sample (no gradient flows through it)
        SDVariable trueScores = labels.mmul(expand).mul(s).reshape(-1, classes, k).sum(1);  // [B, K]
        SDVariable winner = trueScores.eq(trueScores.max(true, 1)).castTo(type);             // [B, K] one-hot
        SDVariable counts = labels.permute(1, 0).mmul(winner);                              // [C, K]
        SDVariable nY = labels.mmul(counts);                                                 // [B, K]
        // as the released code: a zero count is replaced by m = -1/99 before anything else, so an unpicked
        // descriptor enters the softmax as 1/m = -99 and the sum over k includes its -1/99
        SDVariable used = nY.gt(0.0).castTo(type);
        SDVariable m = nY.add(used.rsub(1.0).mul(-1.0 / 99));
        SDVariable inverse = used.div(nY.add(used.rsub(1.0))).add(used.rsub(1.0).mul(-99.0));
        SDVariable weights = sd.nn().softmax(inverse, 1);
        SDVariable alpha = m.sum(true, 1).mul(winner.mul(weights).sum(true, 1)).div(winner.mul(m).sum(true, 1));

        // DL4J divides the returned score by the batch size: return the batch sum
        SDVariable loss = marginLoss.add(alpha.mul(fineLoss)).sum();
        loss.markAsLoss();
        return loss;
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
