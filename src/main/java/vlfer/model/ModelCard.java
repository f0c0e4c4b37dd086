package vlfer.model;

import java.io.Serializable;
import java.util.List;
import vlfer.data.image.InputSpec;

/**
 * What a saved model says about itself: which run, method and encoders made it, the classes it
 * predicts (in output order), the text-embedding table it was trained against (by hash), the
 * input it expects (and frames per clip: 1 for still images), the epoch, and the resolved
 * configuration (secrets masked).
 */
public record ModelCard(String runId, String method, String encoder, String textEncoder, String embeddingHash,
                        String configHash, List<String> classes, InputSpec input, int frames, boolean outputsLogits,
                        int epoch, long seed, String resolvedConfig) implements Serializable {
    public ModelCard {
        classes = List.copyOf(classes);
        frames = Math.max(1, frames);
    }

    public ModelCard atEpoch(int e) {
        return new ModelCard(runId, method, encoder, textEncoder, embeddingHash, configHash, classes, input, frames,
                outputsLogits, e, seed, resolvedConfig);
    }
}
