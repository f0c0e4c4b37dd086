package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.AugmentSettings;
import vlfer.config.LoadedSettings;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetSplit;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;
import vlfer.data.rafdb.RafDbReader;
import vlfer.eval.ClassificationMetrics;
import vlfer.eval.SparkEvaluator;
import vlfer.model.NetworkFactory;
import vlfer.model.TrainingMethods;
import vlfer.testing.LocalSpark;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.text.ClassEmbeddingTable;
import vlfer.train.CheckpointStore;

/** The whole job on local[2] Spark: train → evaluate → tables, and re-runs (resume: ReproducibleRunsTest). */
class TrainJobTest {
    private static SparkSession spark;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start(2);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Easy faces (strong expressions, no pose, light, blur, noise or occluders): a quick, clear signal. */
    private static LoadedSettings settings(String runId, String... more) {
        return TestRuns.settings(work, List.of("vlfer.run-id=" + runId,
                "vlfer.synth.train-per-class=200", "vlfer.synth.test-per-class=15", "vlfer.train.epochs=12",
                "vlfer.synth.min-intensity=0.8", "vlfer.synth.max-roll-degrees=0", "vlfer.synth.max-yaw=0",
                "vlfer.synth.lighting=0", "vlfer.synth.blur-probability=0", "vlfer.synth.noise-sigma=0",
                "vlfer.synth.occluder-probability=0", "vlfer.synth.label-noise=0", "vlfer.train.learning-rate=0.03",
                "vlfer.augment.erasing-probability=0", "vlfer.augment.crop-probability=0"), more);
    }

    @Test
    void trainingRaisesTestAccuracyAndWritesReadableTables() throws Exception {
        LoadedSettings loaded = settings("rise");
        VlferSettings s = loaded.settings();
        TestData.synthesize(s);

        double before = untrainedAccuracy(s);
        RunSummary run = TrainJob.run(loaded, false);
        SplitResult test = run.result("synthetic", "test");
        double after = test.metrics().war();
        assertEquals(105, test.metrics().samples());
        assertTrue(after > before + 0.15 && after > 0.35,
                "test WAR should clearly rise with training: untrained " + before + ", trained " + after);
        for (int e = 0; e < 12; e++) {
            assertTrue(Files.exists(Path.of(run.runDir(), String.format("checkpoints/epoch-%04d.zip", e))), "checkpoint " + e);
        }
        assertTrue(Files.exists(Path.of(run.runDir(), "resolved.conf")));

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            String metrics = "read_parquet('" + work.resolve("out/tables/metrics") + "/run_id=*/*/*/*.parquet', hive_partitioning = true)";
            double war = single(duck, "SELECT value FROM " + metrics + " WHERE run_id = 'rise' AND metric = 'war' AND split = 'test'");
            assertEquals(after, war, 1e-12);
            double confusionTotal = single(duck, "SELECT sum(value) FROM " + metrics + " WHERE run_id = 'rise' AND metric = 'confusion'");
            assertEquals(105, confusionTotal);
            String predictions = "read_parquet('" + work.resolve("out/tables/predictions") + "/run_id=*/*/*/*.parquet', hive_partitioning = true)";
            assertEquals(105, single(duck, "SELECT count(*) FROM " + predictions + " WHERE run_id = 'rise'"));
            double correct = single(duck, "SELECT avg(CASE WHEN label = prediction THEN 1.0 ELSE 0.0 END) FROM " + predictions
                    + " WHERE run_id = 'rise'");
            assertEquals(after, correct, 1e-9);
            double rowsBefore = single(duck, "SELECT count(*) FROM " + metrics + " WHERE run_id = 'rise'");

            // re-evaluating the same run id replaces its rows instead of adding to them
            RunSummary again = EvaluateJob.run(loaded, run.modelPath());
            assertEquals(after, again.result("synthetic", "test").metrics().war(), 1e-12,
                    "the saved model must predict exactly what the trained one did");
            assertEquals(rowsBefore, single(duck, "SELECT count(*) FROM " + metrics + " WHERE run_id = 'rise'"));
            assertEquals(105, single(duck, "SELECT count(*) FROM " + predictions + " WHERE run_id = 'rise'"));
        }
    }

    private static double untrainedAccuracy(VlferSettings s) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        DatasetSplit test = new RafDbReader().read(s.data().trainDataset(), "test", new DataFiles(new Configuration()));
        NetworkFactory factory = new NetworkFactory(s.model(), s.train(), s.seed());
        ClassEmbeddingTable table = TestData.randomTable(test.vocabulary(), 384, 3);
        ComputationGraph graph = factory.create(TrainingMethods.create(s.method()), table);
        SparkEvaluator evaluator = new SparkEvaluator(sc, new FaceImageDecoder(new HadoopConfSnapshot(sc.hadoopConfiguration())),
                new FacePreprocessor(factory.inputSpec(), AugmentSettings.NONE), 32, 2);
        try (SparkEvaluator.Evaluation ev = evaluator.evaluate(graph, true, test.samples(), 7)) {
            return ClassificationMetrics.of(ev.counts()).war();
        }
    }

    private static double single(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getDouble(1);
        }
    }
}
