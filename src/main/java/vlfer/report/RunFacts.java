package vlfer.report;

/**
 * Where a run's model came from: method, encoders, text-embedding and config hashes, the protocol
 * and epoch of the evaluated weights, and the seed ({@code null} when the run has no model file).
 */
public record RunFacts(String runId, String method, String encoder, String textEncoder, String embeddingHash,
                       String configHash, String protocol, int epoch, Long seed) {
}
