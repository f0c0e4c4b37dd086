package vlfer.data.synth;

import java.nio.file.Path;
import java.util.Map;

/** What a generation wrote (or found already written). */
public record SynthesisSummary(Path root, Map<String, Map<String, Integer>> countsBySplitAndClass, int labelFlips,
                               boolean reused, long elapsedMillis) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        countsBySplitAndClass.forEach((split, counts) -> sb.append("  ").append(split).append(": ")
                .append(counts.values().stream().mapToInt(Integer::intValue).sum()).append(" faces ").append(counts).append('\n'));
        sb.append("  label noise: ").append(labelFlips).append(" written labels flipped\n");
        sb.append(reused ? "  (already present with identical settings: nothing regenerated)"
                : String.format("  generated in %.1f s", elapsedMillis / 1000.0));
        return sb.toString();
    }
}
