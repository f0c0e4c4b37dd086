package vlfer.model;

import java.io.Serializable;
import java.util.List;
import vlfer.config.LoadedSettings;
import vlfer.data.LabelVocabulary;
import vlfer.data.image.InputSpec;
import vlfer.text.ClassEmbeddingTable;

/**
 * What a saved model says about itself: which run, method and encoders made it, the classes it
 * predicts (in output order), the text-embedding table it was trained against (by hash), the
 * input it expects (and frames per clip: 1 for still images), the epoch, and the resolved
 * configuration (secrets masked), and the protocol that chose the epoch ({@code vlfer.eval.protocol}). Stored as JSON beside the network; a new network's card comes from
 * its sources ({@link #forNewNetwork}), never field by field.
 */
public record ModelCard(String runId, String method, String encoder, String textEncoder, String embeddingHash,
                        String configHash, List<String> classes, InputSpec input, int frames, boolean outputsLogits,
                        int epoch, long seed, String resolvedConfig, String protocol) implements Serializable {
    /** The protocol of cards written before it was recorded, and of runs that do not select. */
    public static final String LAST_EPOCH = "last-epoch";

    public ModelCard {
        classes = List.copyOf(classes);
        frames = Math.max(1, frames);
        protocol = protocol == null ? LAST_EPOCH : protocol;
    }

    /**
     * The card of a network not yet trained (epoch -1): the run and its configuration from the
     * loaded settings, label and output kind from the method, the text encoder and table hash from the
     * table, and the classes, input and frames it was built for.
     */
    public static ModelCard forNewNetwork(LoadedSettings loaded, TrainingMethod method, ClassEmbeddingTable table,
                                          LabelVocabulary classes, InputSpec input, int frames) {
        return new ModelCard(loaded.settings().runId(), method.label(), loaded.settings().model().encoder(), table.encoderName(),
                table.hash(), loaded.configHash(), classes.names(), input, frames, method.outputsLogits(), -1,
                loaded.settings().seed(), loaded.maskedDump(), loaded.settings().eval().protocol().label());
    }

    public ModelCard atEpoch(int e) {
        return new ModelCard(runId, method, encoder, textEncoder, embeddingHash, configHash, classes, input, frames,
                outputsLogits, e, seed, resolvedConfig, protocol);
    }
}
