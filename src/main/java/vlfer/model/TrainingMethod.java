package vlfer.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import vlfer.config.MethodSettings;
import vlfer.data.LabelVocabulary;
import vlfer.text.ClassEmbeddingTable;

/**
 * A training method: the class prompts it embeds and the head (with its loss) it puts on top of
 * the visual encoder's features. Registered by name in {@link TrainingMethods}.
 */
public interface TrainingMethod {
    String name();

    /** True for methods trained on a target vector per face instead of class labels (expclip). */
    default boolean trainsOnFaceTargets() {
        return false;
    }

    /** False for methods evaluated as built, without training (zeroshot). */
    default boolean trains() {
        return true;
    }

    /** False for methods that never look at text (the {@code ce} baseline): no text encoder is loaded. */
    default boolean usesText() {
        return true;
    }

    /** One prompt per class of {@code vocabulary}, in its order (empty when {@link #usesText()} is false). */
    List<String> prompts(LabelVocabulary vocabulary);

    /** The prompts of each class, for methods that average over several (default: {@link #prompts}, one each). */
    default List<List<String>> promptsPerClass(LabelVocabulary vocabulary, MethodSettings settings) {
        return prompts(vocabulary).stream().map(List::of).toList();
    }

    /**
     * Adds the head after vertex {@code features} (a [batch, featureWidth] vector) and returns the
     * name of the output layer.
     */
    String addHead(ComputationGraphConfiguration.GraphBuilder graph, String features, int featureWidth,
                   ClassEmbeddingTable table, MethodSettings settings, long seed);

    /**
     * {@link #addHead} for methods trained on per-face target vectors of width {@code targetWidth}
     * (0 when the method has none); the others ignore it.
     */
    default String addHead(ComputationGraphConfiguration.GraphBuilder graph, String features, int featureWidth,
                           ClassEmbeddingTable table, int targetWidth, MethodSettings settings, long seed) {
        return addHead(graph, features, featureWidth, table, settings, seed);
    }

    /** The name its model cards and metrics rows carry: the method and, where it has one, its variant. */
    default String label(MethodSettings settings) {
        return name();
    }

    /**
     * The learning rate of layer {@code layer} in epoch {@code epoch} (0-based), given the schedule's
     * rate; methods trained in stages return 0 for what a stage freezes.
     */
    default double learningRate(String layer, int epoch, double scheduled, MethodSettings settings) {
        return scheduled;
    }

    /** True when the network outputs logits (scores = softmax), false when it outputs probabilities. */
    boolean outputsLogits();
}
