package vlfer.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import vlfer.config.ModelSettings;
import vlfer.data.DatasetSplit;
import vlfer.data.LabelVocabulary;
import vlfer.text.ClassEmbeddingTable;

/**
 * A training method for one run, made by {@link TrainingMethods} from the run's settings and
 * holding its own: the prompts it embeds, what it trains on (its supervision), the head (with its
 * loss) it puts on the visual encoder's features, and the learning rate of each layer per epoch.
 */
public interface TrainingMethod {
    /** The name its model cards and metrics rows carry: the method and, where it has one, its variant. */
    String label();

    /** False for methods evaluated as built, without training (zeroshot). */
    default boolean trains() {
        return true;
    }

    /** False for methods that never look at text (the {@code ce} baseline): no text encoder is loaded. */
    default boolean usesText() {
        return true;
    }

    /** The prompts of each class of {@code vocabulary}, in its order (empty lists when {@link #usesText()} is false). */
    List<List<String>> promptsPerClass(LabelVocabulary vocabulary);

    /**
     * What the method trains on from the training split {@code read}: by default each face's class,
     * one-hot, which needs a labelled split.
     */
    default Supervision supervise(DatasetSplit read, SupervisionSources sources) {
        if (!read.labelled()) {
            throw new IllegalArgumentException("dataset '" + read.dataset() + "' is unlabelled; method " + label()
                    + " trains on labelled faces (vlfer.data.train)");
        }
        return Supervision.classes(read);
    }

    /**
     * Adds the head after vertex {@code features} (a [batch, featureWidth] vector) for label rows of
     * {@code labelWidth} values ({@link Supervision#labelWidth()}) and returns the output layer's name.
     */
    String addHead(ComputationGraphConfiguration.GraphBuilder graph, String features, int featureWidth,
                   ClassEmbeddingTable table, int labelWidth, long seed);

    /** Fails, naming {@code vlfer.model.encoder}, when the method cannot run on that encoder (checked at start-up). */
    default void checkEncoder(ModelSettings model) {
    }

    /** Sets what the head takes from pretrained files (token-space cliper: CLIP's text tower) in a new network. */
    default void loadPretrained(ComputationGraph graph) {
    }

    /** Whether {@code vlfer.train.weight-decay} applies to a layer (cliper's descriptors train without it). */
    default boolean decays(String layer) {
        return true;
    }

    /**
     * The learning rate of layer {@code layer} in epoch {@code epoch} (0-based), given the schedule's
     * rate; methods trained in stages return 0 for what a stage freezes.
     */
    default double learningRate(String layer, int epoch, double scheduled) {
        return scheduled;
    }

    /** The part of the network a layer belongs to, as the training history names its rates. */
    default String stage(String layer) {
        return "network";
    }

    /** True when the network outputs logits (scores = softmax), false when it outputs probabilities. */
    boolean outputsLogits();
}
