package vlfer.data;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Fails a job whose rejected rows exceed the configured fraction, saying how many of each kind. */
public final class RejectBudget {
    private RejectBudget() {
    }

    public static void check(String dataset, String split, Map<String, Long> byReason, long usable, double maxFraction,
                             String rejectsFile) {
        String over = overBudget(dataset, split, byReason, usable, maxFraction);
        if (over != null) {
            throw new IllegalStateException(over + "; the rows are listed in " + rejectsFile);
        }
    }

    /** Why a split with these rejects would stop a job, or null when it is within the budget. */
    public static String overBudget(String dataset, String split, Map<String, Long> byReason, long usable, double maxFraction) {
        long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
        long total = usable + rejected;
        if (total == 0 || rejected == 0) {
            return null;
        }
        double fraction = (double) rejected / total;
        if (fraction <= maxFraction) {
            return null;
        }
        return String.format(Locale.ROOT, "dataset '%s' split '%s': %d of %d rows rejected (%.2f%% > vlfer.data.max-reject-fraction"
                + " %.2f%%): %s", dataset, split, rejected, total, 100 * fraction, 100 * maxFraction, new TreeMap<>(byReason));
    }
}
