package vlfer.app;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.LoadedSettings;
import vlfer.config.VlferSettings;
import vlfer.eval.ParquetTables;
import vlfer.spark.SparkSessions;
import vlfer.train.Checkpoint;
import vlfer.train.CheckpointStore;

/** {@code vlfer evaluate} as a callable: load a model file and evaluate it on the configured datasets. */
public final class EvaluateJob {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluateJob.class);

    private EvaluateJob() {
    }

    public static RunSummary run(LoadedSettings loaded, String modelPath) {
        long start = System.nanoTime();
        VlferSettings s = loaded.settings();
        SparkSession spark = SparkSessions.getOrCreate(s.spark());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Checkpoint model = CheckpointStore.load(sc.hadoopConfiguration(), modelPath);
        LOG.info("model {}: run {}, method {}, encoder {}, epoch {}, classes {}", modelPath, model.card().runId(),
                model.card().method(), model.card().encoder(), model.card().epoch() + 1, model.card().classes());
        RunFolder run = new RunFolder(sc.hadoopConfiguration(), s.output().dir(), model.card().runId());
        // a run's final model.zip is its last epoch; any other file is a checkpoint picked by hand
        String protocol = modelPath.endsWith("/model.zip") || modelPath.equals("model.zip")
                ? "last-epoch" : "checkpoint-epoch-" + (model.card().epoch() + 1);
        String runId = model.card().runId();
        List<SplitResult> results;
        String report;
        // evaluate writes under the model's run id: it takes that run's lock (refused while the run trains)
        try (RunLock lock = RunLock.acquire(sc.hadoopConfiguration(), run.path(), runId, "vlfer evaluate", false)) {
            results = EvaluationStage.run(spark, model.graph(), model.card(), s, run, protocol,
                    new ParquetTables(spark, s.output().dir(), id -> id.equals(runId)
                            || !RunLock.isLive(sc.hadoopConfiguration(), s.output().dir(), id)));
            report = RunReport.write(spark, s.output().dir(), run);
        }
        ParquetPaths paths = ParquetPaths.of(spark, s.output().dir());
        return new RunSummary(model.card().runId(), model.card().method(), model.card().encoder(), run.path(), modelPath,
                paths.metrics(), paths.predictions(), paths.history(), report, 0, 0, Double.NaN, (System.nanoTime() - start) / 1e9, results);
    }
}
