package vlfer.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import vlfer.data.DataFiles;
import vlfer.eval.HistoryTable;
import vlfer.eval.MetricsTable;
import vlfer.eval.ParquetTables;
import vlfer.eval.PredictionsTable;
import vlfer.model.ModelCard;
import vlfer.train.CheckpointStore;

/** Reads one run's record from the tables under {@code <output>/tables} and its run folder. */
public final class RunTables {
    private static final int MISTAKES_PER_SPLIT = 10;

    private final SparkSession spark;
    private final String outputDir;
    private final ParquetTables tables;
    private final DataFiles files;

    public RunTables(SparkSession spark, String outputDir) {
        this.spark = spark;
        this.outputDir = outputDir.endsWith("/") ? outputDir.substring(0, outputDir.length() - 1) : outputDir;
        this.tables = new ParquetTables(spark, outputDir);
        this.files = new DataFiles(spark.sparkContext().hadoopConfiguration());
    }

    public String runDir(String runId) {
        return outputDir + "/runs/" + runId;
    }

    /** The run's record; fails, naming the table, when the metrics table holds no row of the run. */
    public RunRecord read(String runId) {
        List<Row> metrics = rowsOf(tables.metricsPath(), MetricsTable.SCHEMA, runId).collectAsList();
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("run '" + runId + "' has no rows in the metrics table "
                    + files.qualify(tables.metricsPath()) + " (see 'vlfer runs' for the runs there)");
        }
        return new RunRecord(facts(runId, metrics.get(0)), history(runId), splits(metrics), mistakes(runId),
                files.exists(tables.predictionsPath()), rejects(runId));
    }

    /** The table's rows of one run (an empty frame when the table does not exist yet). */
    Dataset<Row> rowsOf(String path, org.apache.spark.sql.types.StructType schema, String runId) {
        if (!files.exists(path)) {
            return spark.createDataFrame(List.of(), schema);
        }
        return spark.read().schema(schema).parquet(path).where(functions.col("run_id").equalTo(runId));
    }

    private RunFacts facts(String runId, Row m) {
        String model = runDir(runId) + "/model.zip";
        Long seed = null;
        if (files.exists(model)) {
            ModelCard card = CheckpointStore.readCard(spark.sparkContext().hadoopConfiguration(), model);
            seed = card.seed();
        }
        return new RunFacts(runId, m.getAs("method"), m.getAs("encoder"), m.getAs("text_encoder"), m.getAs("embedding_hash"),
                m.getAs("config_hash"), m.getAs("protocol"), m.<Integer>getAs("epoch"), seed);
    }

    private List<HistoryPoint> history(String runId) {
        List<HistoryPoint> out = new ArrayList<>();
        for (Row r : rowsOf(tables.historyPath(), HistoryTable.SCHEMA, runId).orderBy("epoch", "kind", "round").collectAsList()) {
            Integer round = r.getAs("round");
            out.add(new HistoryPoint(r.getAs("dataset"), r.getAs("split"), r.getAs("kind"), r.<Integer>getAs("epoch"),
                    round == null ? -1 : round, r.<Integer>getAs("rounds"), orNaN(r.getAs("loss")), r.<Double>getAs("learning_rate"),
                    r.getJavaMap(r.fieldIndex("stage_learning_rates")), r.<Long>getAs("faces"), r.<Long>getAs("faces_skipped"),
                    r.<Double>getAs("images_per_second"), r.<Double>getAs("seconds"), r.<Double>getAs("elapsed_seconds"),
                    orNaN(r.getAs("selection_war")), orNaN(r.getAs("selection_uar"))));
        }
        return out;
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    /** Groups the long-format metric rows into one {@link SplitScores} per dataset split. */
    static List<SplitScores> splits(List<Row> metrics) {
        Map<String, List<Row>> bySplit = new TreeMap<>();
        for (Row r : metrics) {
            bySplit.computeIfAbsent(r.getAs("dataset") + "\u0000" + r.getAs("split"), k -> new ArrayList<>()).add(r);
        }
        List<SplitScores> out = new ArrayList<>();
        for (List<Row> rows : bySplit.values()) {
            out.add(split(rows));
        }
        return out;
    }

    private static SplitScores split(List<Row> rows) {
        Map<String, Double> run = new HashMap<>();
        Map<String, Map<String, Double>> perClass = new HashMap<>();
        Map<String, Map<String, Double>> confusion = new HashMap<>();
        TreeMap<Integer, String> ordered = new TreeMap<>();
        for (Row r : rows) {
            String metric = r.getAs("metric");
            String cls = r.getAs("class_name");
            Double v = r.getAs("value");
            double value = v == null ? Double.NaN : v;
            if (cls == null) {
                run.put(metric, value);
            } else if (metric.equals("confusion")) {
                confusion.computeIfAbsent(cls, k -> new HashMap<>()).put(r.getAs("predicted_class"), value);
            } else {
                perClass.computeIfAbsent(metric, k -> new HashMap<>()).put(cls, value);
                if (metric.equals("support")) {
                    Integer index = r.getAs("class_index");
                    // tables written before class_index: the order the rows were read in
                    ordered.put(index == null ? ordered.size() : index, cls);
                }
            }
        }
        List<String> classes = List.copyOf(ordered.values());
        int k = classes.size();
        double[] recall = new double[k];
        double[] precision = new double[k];
        long[] support = new long[k];
        long[][] counts = new long[k][k];
        for (int i = 0; i < k; i++) {
            String c = classes.get(i);
            recall[i] = perClass.getOrDefault("recall", Map.of()).getOrDefault(c, Double.NaN);
            precision[i] = perClass.getOrDefault("precision", Map.of()).getOrDefault(c, Double.NaN);
            support[i] = Math.round(perClass.get("support").get(c));
            for (int j = 0; j < k; j++) {
                counts[i][j] = Math.round(confusion.getOrDefault(c, Map.of()).getOrDefault(classes.get(j), 0.0));
            }
        }
        Row first = rows.get(0);
        return new SplitScores(first.getAs("dataset"), first.getAs("split"), run.getOrDefault("war", Double.NaN),
                run.getOrDefault("uar", Double.NaN), run.getOrDefault("macro_f1", Double.NaN),
                Math.round(run.getOrDefault("samples", 0.0)), Math.round(run.getOrDefault("rejected", 0.0)), classes, recall,
                precision, support, counts);
    }

    private List<Mistake> mistakes(String runId) {
        Dataset<Row> wrong = rowsOf(tables.predictionsPath(), PredictionsTable.SCHEMA, runId)
                .where(functions.col("label").notEqual(functions.col("prediction")))
                .withColumn("confidence", functions.element_at(functions.col("scores"),
                        functions.col("prediction").plus(1)));
        List<Mistake> out = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>();
        for (Row r : wrong.orderBy(functions.col("dataset"), functions.col("split"), functions.col("confidence").desc(),
                functions.col("sample_id")).collectAsList()) {
            String key = r.getAs("dataset") + "/" + r.getAs("split");
            if (taken.merge(key, 1, Integer::sum) <= MISTAKES_PER_SPLIT) {
                out.add(new Mistake(r.getAs("dataset"), r.getAs("split"), r.getAs("sample_id"), r.getAs("label_name"),
                        r.getAs("prediction_name"), r.<Float>getAs("confidence")));
            }
        }
        return out;
    }

    private List<RejectCounts> rejects(String runId) {
        Path dir = new Path(runDir(runId) + "/rejects");
        List<RejectCounts> out = new ArrayList<>();
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(dir)) {
                return out;
            }
            for (FileStatus st : fs.listStatus(dir)) {
                String name = st.getPath().getName();
                if (!name.endsWith(".tsv")) {
                    continue;
                }
                Map<String, Long> byReason = new TreeMap<>();
                List<String> lines = files.readLines(st.getPath().toString());
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    String[] cols = line.split("\t", -1);
                    if (cols.length >= 4) {
                        byReason.merge(cols[3], 1L, Long::sum);
                    }
                }
                out.add(new RejectCounts(name.substring(0, name.length() - ".tsv".length()), byReason));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        out.sort(java.util.Comparator.comparing(RejectCounts::name));
        return out;
    }
}
