package vlfer.model.loss;

import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffOutputLayer;

/**
 * What the zero-shot output layers share: the class prompts' embeddings (one row per prompt, each
 * of class {@code promptClass[row]}), the logit scale s, the input width, and the output of one
 * logit per class. The prompts travel in the configuration (JSON), through the bean accessors.
 */
abstract class PromptClassifierLayer extends SameDiffOutputLayer {
    private double[][] prompts;
    private int[] promptClass;
    private int classes;
    private double logitScale;
    private long nIn;

    /** For JSON deserialisation. */
    PromptClassifierLayer() {
    }

    PromptClassifierLayer(String who, long featureWidth, double[][] prompts, int[] promptClass, int classes, double logitScale) {
        PromptLogits.requireEveryClass(promptClass, classes, prompts.length, who);
        this.prompts = prompts;
        this.promptClass = promptClass;
        this.classes = classes;
        this.logitScale = logitScale;
        this.nIn = featureWidth;
    }

    /** Its name in errors. */
    abstract String who();

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(classes);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeFeedForward ff) || ff.getSize() != nIn) {
            throw new IllegalArgumentException(who() + " layer needs a feed-forward input of width " + nIn + ", got " + inputType);
        }
    }

    /** Equality over what defines the layer (DL4J's inherited equals ignores the prompts and settings). */
    boolean samePrompts(PromptClassifierLayer o) {
        return Objects.equals(getLayerName(), o.getLayerName()) && Arrays.deepEquals(prompts, o.prompts)
                && Arrays.equals(promptClass, o.promptClass) && classes == o.classes && logitScale == o.logitScale
                && nIn == o.nIn && Objects.equals(getUpdater(), o.getUpdater());
    }

    int promptsHash() {
        return Objects.hash(getLayerName(), Arrays.deepHashCode(prompts), Arrays.hashCode(promptClass), classes, logitScale, nIn);
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
