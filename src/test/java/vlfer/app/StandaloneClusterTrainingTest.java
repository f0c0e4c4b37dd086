package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import org.apache.spark.SparkConf;
import vlfer.testing.LocalSpark;
import vlfer.testing.StandaloneCluster;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;

/**
 * The job on a real multi-process cluster: a standalone Master and two Workers on 127.0.0.1, each
 * executor in its own JVM, so everything sent to the executors really crosses a process boundary
 * (serialised closures, broadcasts, Kryo, Hadoop file access).
 */
@Tag("cluster")
class StandaloneClusterTrainingTest {
    @TempDir
    Path work;

    @Test
    void trainsAcrossTwoExecutorJvmsAndWritesTheMetricsTable() throws Exception {
        LoadedSettings loaded = TestRuns.settings(work, "vlfer.run-id=cluster", "vlfer.train.epochs=2",
                "vlfer.synth.train-per-class=12", "vlfer.synth.test-per-class=4", "vlfer.train.workers=2");
        TestData.synthesize(loaded.settings());
        Path home = Path.of("target", "spark-home").toAbsolutePath();
        try (StandaloneCluster cluster = StandaloneCluster.start(home, 2, 1, "2g")) {
            SparkSession spark = LocalSpark.start(cluster.masterUrl(), new SparkConf()
                    .set("spark.executor.memory", "1g")
                    .set("spark.executor.cores", "1")
                    .set("spark.executor.extraJavaOptions", StandaloneCluster.executorJavaOptions())
                    .set("spark.executorEnv.OMP_NUM_THREADS", "1"));
            try {
                assertEquals(2, awaitExecutors(spark, 2), "two executor JVMs registered");
                RunSummary run = TrainJob.run(loaded, false);
                assertEquals(2, run.epochsTrained());
                SplitResult test = run.result("synthetic", "test");
                assertEquals(28, test.metrics().samples());

                Dataset<Row> metrics = spark.read().parquet(run.metricsTable()).where("run_id = 'cluster'");
                List<Row> war = metrics.where("metric = 'war'").select("value", "dataset", "split").collectAsList();
                assertEquals(1, war.size());
                assertEquals(test.metrics().war(), war.get(0).getDouble(0), 1e-12);
                assertTrue(metrics.count() > 50, "per-class and confusion rows");
            } finally {
                spark.stop();
            }
        }
    }

    /** Waits until the driver sees {@code n} executors (the driver itself is not one). */
    private static int awaitExecutors(SparkSession spark, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        int seen = 0;
        while (System.nanoTime() < deadline) {
            seen = spark.sparkContext().getExecutorMemoryStatus().size() - 1;
            if (seen >= n) {
                return seen;
            }
            Thread.sleep(500);
        }
        return seen;
    }
}
