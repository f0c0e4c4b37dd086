package vlfer.eval;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The mean and standard deviation over k folds (DFEW's and MAFW's reporting), as metrics rows of the
 * base run id: for each dataset, split and headline metric (war, uar, macro_f1), the metric itself
 * holds the mean and {@code <metric>_std} the sample standard deviation. The protocol is
 * {@code <protocol>-mean-of-<k>-folds}, and epoch is -1 (the folds chose their own).
 */
public final class FoldMeans {
    public static final Set<String> METRICS = Set.of("war", "uar", "macro_f1");

    private FoldMeans() {
    }

    /** @param foldRows the per-fold rows of {@link #METRICS}, one per fold, dataset, split and metric */
    public static List<Row> rows(List<Row> foldRows, String baseRunId, int folds) {
        Map<String, List<Row>> groups = new TreeMap<>();
        for (Row r : foldRows) {
            String metric = r.getString(r.fieldIndex("metric"));
            if (METRICS.contains(metric)) {
                groups.computeIfAbsent(r.getString(r.fieldIndex("dataset")) + "\u0000" + r.getString(r.fieldIndex("split"))
                        + "\u0000" + metric, k -> new ArrayList<>()).add(r);
            }
        }
        List<Row> out = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (List<Row> g : groups.values()) {
            if (g.size() != folds) {
                throw new IllegalStateException("fold means need " + folds + " folds of " + describe(g.get(0)) + ", found " + g.size());
            }
            double mean = g.stream().mapToDouble(r -> r.getDouble(r.fieldIndex("value"))).average().orElseThrow();
            double ss = g.stream().mapToDouble(r -> Math.pow(r.getDouble(r.fieldIndex("value")) - mean, 2)).sum();
            double std = folds > 1 ? Math.sqrt(ss / (folds - 1)) : 0;
            Row first = g.get(0);
            String metric = first.getString(first.fieldIndex("metric"));
            String protocol = first.getString(first.fieldIndex("protocol")) + "-mean-of-" + folds + "-folds";
            out.add(row(first, metric, mean, protocol, baseRunId, now));
            out.add(row(first, metric + "_std", std, protocol, baseRunId, now));
        }
        return out;
    }

    private static String describe(Row r) {
        return r.getString(r.fieldIndex("dataset")) + "/" + r.getString(r.fieldIndex("split")) + " " + r.getString(r.fieldIndex("metric"));
    }

    private static Row row(Row like, String metric, double value, String protocol, String runId, Timestamp at) {
        return RowFactory.create(like.getString(like.fieldIndex("method")), like.getString(like.fieldIndex("encoder")),
                like.getString(like.fieldIndex("text_encoder")), like.getString(like.fieldIndex("embedding_hash")),
                like.getString(like.fieldIndex("config_hash")), -1, protocol, metric, null, null, null, value, at, runId,
                like.getString(like.fieldIndex("dataset")), like.getString(like.fieldIndex("split")));
    }
}
