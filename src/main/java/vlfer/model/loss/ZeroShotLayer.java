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
 * CLIP's zero-shot classifier, with no parameters: the image embedding against the class prompts'
 * text embeddings of the same vision-language model, per class the mean of {@code s * cos} over
 * its prompts. Its loss (cross-entropy of those logits) is only there so that DL4J can score it;
 * the {@code zeroshot} method never trains.
 */
public final class ZeroShotLayer extends SameDiffOutputLayer {
    public static final String LOGITS = "zeroshot_logits";

    private double[][] prompts;
    private int[] promptClass;
    private int classes;
    private double logitScale;
    private long nIn;

    /** For JSON deserialisation. */
    private ZeroShotLayer() {
    }

    public ZeroShotLayer(long featureWidth, double[][] prompts, int[] promptClass, int classes, double logitScale) {
        PromptLogits.requireEveryClass(promptClass, classes, prompts.length, "zeroshot");
        if (prompts[0].length != featureWidth) {
            throw new IllegalArgumentException("zeroshot compares image and text embeddings of one vision-language model, "
                    + "but the image encoder gives " + featureWidth + " values and the text encoder " + prompts[0].length
                    + ": pair the image and text towers of one CLIP model (vlfer.model.encoder, vlfer.text.encoder)");
        }
        this.prompts = prompts;
        this.promptClass = promptClass;
        this.classes = classes;
        this.logitScale = logitScale;
        this.nIn = featureWidth;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable f, SDVariable labels, Map<String, SDVariable> params) {
        DataType type = f.dataType();
        SDVariable promptVar = sd.constant("zeroshot_prompts", Nd4j.create(Vectors.unitRows(prompts)).castTo(type));
        SDVariable logits = PromptLogits.define(sd, LOGITS, Vectors.unit(sd, f), promptVar, promptClass, classes, logitScale,
                type);
        SDVariable loss = Vectors.logSumExp(sd, logits, 1).sum().sub(logits.mul(labels).sum());
        loss.markAsLoss();
        return loss;
    }

    @Override
    public String activationsVertexName() {
        return LOGITS;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // no parameters
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(classes);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeFeedForward ff) || ff.getSize() != nIn) {
            throw new IllegalArgumentException("zeroshot layer needs a feed-forward input of width " + nIn + ", got " + inputType);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZeroShotLayer z && z.classes == classes && z.logitScale == logitScale && z.nIn == nIn
                && java.util.Arrays.deepEquals(prompts, z.prompts) && java.util.Arrays.equals(promptClass, z.promptClass);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(classes, logitScale, nIn, java.util.Arrays.deepHashCode(prompts),
                java.util.Arrays.hashCode(promptClass));
    }

    // Bean accessors: DL4J's JSON (model files, evaluation broadcasts) reads and writes through them.

    public double[][] getPrompts() {
        return prompts;
    }

    public void setPrompts(double[][] prompts) {
        this.prompts = prompts;
    }

    public int[] getPromptClass() {
        return promptClass;
    }

    public void setPromptClass(int[] promptClass) {
        this.promptClass = promptClass;
    }

    public int getClasses() {
        return classes;
    }

    public void setClasses(int classes) {
        this.classes = classes;
    }

    public double getLogitScale() {
        return logitScale;
    }

    public void setLogitScale(double logitScale) {
        this.logitScale = logitScale;
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }
}
