package vlfer.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.LoadedSettings;
import vlfer.config.SettingsLoader;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.eval.FoldMeans;
import vlfer.eval.ParquetTables;
import vlfer.spark.SparkSessions;

/**
 * {@code vlfer train --folds 1-5}: trains and evaluates each fold of the training dataset's k-fold
 * protocol as run {@code <run-id>-fold<f>} (its fold set on every entry of that dataset), then writes
 * the mean and standard deviation over the folds under {@code <run-id>}. A fold whose model and
 * metrics rows exist is not trained again; one with checkpoints resumes from them.
 */
final class FoldsJob {
    private static final Logger LOG = LoggerFactory.getLogger(FoldsJob.class);

    private FoldsJob() {
    }

    /** The folds' summaries; the fold means are in the metrics table under the base run id. */
    static List<RunSummary> run(Path confFile, List<String> overrides, List<Integer> folds) {
        // each fold's TrainJob checks its settings before Spark work (RunContext.open): no check here
        LoadedSettings base = new SettingsLoader().load(confFile, overrides);
        VlferSettings s = base.settings();
        String trainSet = s.data().train();
        List<RunSummary> summaries = new ArrayList<>();
        List<String> runIds = new ArrayList<>();
        for (int fold : folds) {
            String runId = s.runId() + "-fold" + fold;
            runIds.add(runId);
            List<String> foldOverrides = new ArrayList<>(overrides);
            foldOverrides.add("vlfer.run-id=" + runId);
            foldOverrides.add("vlfer.data.datasets." + trainSet + ".fold=" + fold);
            LoadedSettings loaded = new SettingsLoader().load(confFile, foldOverrides);
            SparkSession spark = SparkSessions.getOrCreate(s.spark());
            RunFolder folder = new RunFolder(spark.sparkContext().hadoopConfiguration(), s.output().dir(), runId);
            DataFiles files = new DataFiles(spark.sparkContext().hadoopConfiguration());
            if (files.exists(folder.modelPath()) && !foldRows(spark, s, List.of(runId)).isEmpty()) {
                LOG.info("fold {} of {}: run {} is done already (model and metrics exist); not trained again", fold, folds, runId);
                continue;
            }
            boolean resume = new vlfer.train.CheckpointStore(spark.sparkContext().hadoopConfiguration(), folder.path())
                    .latest().isPresent();
            LOG.info("fold {} of {}: run {}{}", fold, folds, runId, resume ? ", resuming from its checkpoints" : "");
            summaries.add(TrainJob.run(loaded, NetworkStage.Start.RESUME_OR_START));
        }
        SparkSession spark = SparkSessions.getOrCreate(s.spark());
        List<Row> means = FoldMeans.rows(foldRows(spark, s, runIds), s.runId(), folds.size());
        RunFolder meansRun = new RunFolder(spark.sparkContext().hadoopConfiguration(), s.output().dir(), s.runId());
        try (RunLock lock = RunLock.acquire(spark.sparkContext().hadoopConfiguration(), meansRun.path(), s.runId(),
                "vlfer train --folds (means)", false)) {
            new ParquetTables(spark, s.output().dir(), id -> id.equals(s.runId())).writeMetrics(means);
        }
        LOG.info("mean over folds {} written under run id {} ({} rows)", folds, s.runId(), means.size());
        return summaries;
    }

    private static List<Row> foldRows(SparkSession spark, VlferSettings s, List<String> runIds) {
        ParquetTables tables = new ParquetTables(spark, s.output().dir());
        DataFiles files = new DataFiles(spark.sparkContext().hadoopConfiguration());
        if (!files.exists(tables.metricsPath())) {
            return List.of();
        }
        return spark.read().parquet(tables.metricsPath())
                .where(org.apache.spark.sql.functions.col("run_id").isin(runIds.toArray())
                        .and(org.apache.spark.sql.functions.col("metric").isin(FoldMeans.METRICS.toArray())))
                .collectAsList();
    }

    /** "1-5" or "1,3,5" -> the fold numbers, each at least 1. */
    static List<Integer> parse(String spec) {
        List<Integer> out = new ArrayList<>();
        try {
            for (String part : spec.split(",")) {
                String[] range = part.trim().split("-");
                int from = Integer.parseInt(range[0].trim());
                int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
                for (int f = from; f <= to; f++) {
                    out.add(f);
                }
            }
        } catch (NumberFormatException e) {
            throw new CliArgs.UsageException("--folds needs folds such as 1-5 or 1,3,5, got " + spec);
        }
        if (out.isEmpty() || out.stream().anyMatch(f -> f < 1) || out.stream().distinct().count() != out.size()) {
            throw new CliArgs.UsageException("--folds needs distinct folds from 1, such as 1-5, got " + spec);
        }
        return out;
    }
}
