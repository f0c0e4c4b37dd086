package vlfer.report;

import java.util.Map;

/** A rejects file of the run folder ({@code rejects/<dataset>-<split>.tsv}) counted by reason. */
public record RejectCounts(String name, Map<String, Long> byReason) {
    public RejectCounts {
        byReason = Map.copyOf(byReason);
    }

    public long total() {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
