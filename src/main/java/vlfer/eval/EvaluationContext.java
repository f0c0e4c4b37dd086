package vlfer.eval;

import java.io.Serializable;
import java.time.Instant;

/** What every metrics and prediction row says about where it came from. */
public record EvaluationContext(String runId, String method, String encoder, String textEncoder, String embeddingHash,
                                String configHash, int epoch, String protocol, String dataset, String split,
                                Instant evaluatedAt) implements Serializable {
}
