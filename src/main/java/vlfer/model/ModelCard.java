package vlfer.model;

import java.io.Serializable;
import java.util.List;
import vlfer.data.image.InputSpec;

/**
 * What a saved model says about itself: which run, method and encoders made it, the classes it
 * predicts (in output order), the text-embedding table it was trained against (by hash), the
 * input it expects, the epoch, and the resolved configuration (secrets masked).
 */
public record ModelCard(String runId, String method, String encoder, String textEncoder, String embeddingHash,
                        String configHash, List<String> classes, InputSpec input, boolean outputsLogits, int epoch,
                        long seed, String resolvedConfig) implements Serializable {
    public ModelCard {
        classes = List.copyOf(classes);
    }

    public ModelCard atEpoch(int e) {
        return new ModelCard(runId, method, encoder, textEncoder, embeddingHash, configHash, classes, input,
                outputsLogits, e, seed, resolvedConfig);
    }
}
