package vlfer.report;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import vlfer.data.DataFiles;
import vlfer.eval.HistoryTable;
import vlfer.eval.MetricsTable;
import vlfer.eval.ParquetTables;

/** The runs in the tables, side by side ({@code vlfer runs}): one line per run and evaluated split. */
public final class RunComparison {
    private RunComparison() {
    }

    /** The runs whose id matches {@code glob} ({@code *} and {@code ?}; null for all), by dataset, split and run id. */
    public static List<RunLine> read(SparkSession spark, String outputDir, String glob) {
        ParquetTables tables = new ParquetTables(spark, outputDir);
        DataFiles files = new DataFiles(spark.sparkContext().hadoopConfiguration());
        if (!files.exists(tables.metricsPath())) {
            throw new IllegalArgumentException("no metrics table at " + files.qualify(tables.metricsPath())
                    + " (is --output the vlfer.output.dir of the runs?)");
        }
        PathMatcher matcher = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        Map<String, long[]> faces = new HashMap<>();
        Map<String, Double> seconds = new HashMap<>();
        if (files.exists(tables.historyPath())) {
            for (Row r : spark.read().schema(HistoryTable.SCHEMA).parquet(tables.historyPath())
                    .where(functions.col("kind").equalTo("epoch")).groupBy("run_id")
                    .agg(functions.sum("faces"), functions.max("elapsed_seconds")).collectAsList()) {
                faces.put(r.getString(0), new long[]{r.getLong(1)});
                seconds.put(r.getString(0), r.getDouble(2));
            }
        }
        Map<String, Map<String, Row>> bySplit = new TreeMap<>();
        for (Row r : spark.read().schema(MetricsTable.SCHEMA).parquet(tables.metricsPath())
                .where(functions.col("metric").isin("war", "uar", "macro_f1")).collectAsList()) {
            String runId = r.getAs("run_id");
            if (matcher == null || matcher.matches(Path.of(runId))) {
                bySplit.computeIfAbsent(runId + "\u0000" + r.getAs("dataset") + "\u0000" + r.getAs("split"),
                        k -> new HashMap<>()).put(r.getAs("metric"), r);
            }
        }
        List<RunLine> lines = new ArrayList<>();
        for (Map<String, Row> m : bySplit.values()) {
            Row any = m.values().iterator().next();
            String runId = any.getAs("run_id");
            lines.add(new RunLine(runId, any.getAs("method"), any.getAs("encoder"), any.getAs("dataset"), any.getAs("split"),
                    value(m.get("war")), value(m.get("uar")), value(m.get("macro_f1")), any.getAs("protocol"),
                    any.<Integer>getAs("epoch"), faces.getOrDefault(runId, new long[]{0})[0],
                    seconds.getOrDefault(runId, 0.0)));
        }
        lines.sort(Comparator.comparing(RunLine::dataset).thenComparing(RunLine::split).thenComparing(RunLine::runId));
        return lines;
    }

    private static double value(Row r) {
        if (r == null) {
            return Double.NaN;
        }
        Double v = r.getAs("value");
        return v == null ? Double.NaN : v;
    }

    /** The lines as a text table, each column as wide as its widest entry. */
    public static String text(List<RunLine> lines) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"run_id", "method", "encoder", "dataset/split", "WAR", "UAR", "macroF1", "protocol", "epoch",
                "faces", "time"});
        for (RunLine l : lines) {
            rows.add(new String[]{l.runId(), l.method(), l.encoder(), l.dataset() + "/" + l.split(), Formats.pct(l.war()),
                    Formats.pct(l.uar()), Formats.pct(l.macroF1()), l.protocol(), epoch(l), faces(l), time(l)});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                boolean number = i >= 4 && i != 7; // figures right-aligned, names left-aligned
                String cell = number ? " ".repeat(width[i] - r[i].length()) + r[i] : r[i] + " ".repeat(width[i] - r[i].length());
                sb.append(i == 0 ? "" : "  ").append(cell);
            }
            sb.append('\n');
        }
        return sb.toString().lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
    }

    /** The lines as a self-contained HTML page. */
    public static String html(List<RunLine> lines) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>vlfer runs</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
                + "th,td{border:1px solid #ccc;padding:.25em .6em}td.n{text-align:right}</style></head><body>\n"
                + "<h1>vlfer runs</h1>\n<table id=\"runs\"><tr>");
        for (String h : List.of("run id", "method", "encoder", "dataset/split", "WAR", "UAR", "macro-F1", "protocol", "epoch",
                "faces trained", "training time")) {
            sb.append("<th>").append(h).append("</th>");
        }
        sb.append("</tr>\n");
        for (RunLine l : lines) {
            sb.append("<tr><td>").append(Formats.esc(l.runId())).append("</td><td>").append(Formats.esc(l.method()))
                    .append("</td><td>").append(Formats.esc(l.encoder())).append("</td><td>")
                    .append(Formats.esc(l.dataset() + "/" + l.split())).append("</td>");
            for (String v : List.of(Formats.pct(l.war()), Formats.pct(l.uar()), Formats.pct(l.macroF1()))) {
                sb.append("<td class=\"n\">").append(v).append("</td>");
            }
            sb.append("<td>").append(Formats.esc(l.protocol())).append("</td><td class=\"n\">").append(epoch(l))
                    .append("</td><td class=\"n\">").append(faces(l)).append("</td><td class=\"n\">").append(time(l))
                    .append("</td></tr>\n");
        }
        return sb.append("</table></body></html>\n").toString();
    }



    private static String epoch(RunLine l) {
        return l.epoch() < 0 ? "-" : Integer.toString(l.epoch() + 1);
    }

    private static String faces(RunLine l) {
        return l.facesTrained() == 0 ? "-" : Long.toString(l.facesTrained());
    }

    /** Training time from the history ("-" for runs without one). */
    private static String time(RunLine l) {
        return l.trainingSeconds() <= 0 ? "-" : Formats.minutesSeconds(l.trainingSeconds());
    }
}
