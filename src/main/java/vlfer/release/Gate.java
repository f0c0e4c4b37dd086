package vlfer.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import static vlfer.report.Formats.pct;

/**
 * The promotion gate: every evaluated split of the run must reach {@code minWar}, and, against a
 * champion, lose at most {@code maxDrop} WAR on each split both were evaluated on. Fractions in 0..1.
 */
public final class Gate {
    private Gate() {
    }

    /**
     * @param run      WAR per "dataset/split" of the run (empty: the run was not evaluated, a failure)
     * @param champion WAR per "dataset/split" of the champion, or null when there is none to compare with
     */
    public static GateVerdict check(Map<String, Double> run, double minWar, String championName, String championRun,
                                    Map<String, Double> champion, double maxDrop) {
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (run.isEmpty()) {
            failures.add("the run has no WAR in the metrics table (was it evaluated? are --dataset/--split right?)");
        }
        for (Map.Entry<String, Double> e : run.entrySet()) {
            String line = String.format(Locale.ROOT, "%s: WAR %s, minimum %s", e.getKey(), pct(e.getValue()), pct(minWar));
            (e.getValue() >= minWar ? notes : failures).add(line);
        }
        if (championName != null) {
            if (champion == null) {
                notes.add("no champion '" + championName + "' yet: nothing to compare with");
            } else if (run.keySet().stream().noneMatch(champion::containsKey)) {
                failures.add("champion '" + championName + "' (run " + championRun + ") has no WAR on any split the run was"
                        + " evaluated on (" + String.join(", ", run.keySet()) + "): nothing to compare with");
            } else {
                for (Map.Entry<String, Double> e : run.entrySet()) {
                    Double best = champion.get(e.getKey());
                    if (best == null) {
                        notes.add(e.getKey() + ": champion '" + championName + "' (run " + championRun + ") was not evaluated on it");
                        continue;
                    }
                    String line = String.format(Locale.ROOT, "%s: WAR %s vs champion '%s' (run %s) %s, drop %s, allowed %s",
                            e.getKey(), pct(e.getValue()), championName, championRun, pct(best), pct(best - e.getValue()),
                            pct(maxDrop));
                    (best - e.getValue() <= maxDrop + 1e-12 ? notes : failures).add(line);
                }
            }
        }
        return new GateVerdict(failures.isEmpty(), failures, notes);
    }

}
