package vlfer.release;

import java.util.List;

/** What {@code vlfer gate} decided: pass or fail, with one line per check made (failures first). */
public record GateVerdict(boolean passed, List<String> failures, List<String> notes) {
    public GateVerdict {
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    public String text(String runId) {
        StringBuilder sb = new StringBuilder("gate " + (passed ? "PASSED" : "FAILED") + " for run " + runId + "\n");
        failures.forEach(f -> sb.append("  FAIL ").append(f).append('\n'));
        notes.forEach(n -> sb.append("  ok   ").append(n).append('\n'));
        return sb.toString();
    }
}
