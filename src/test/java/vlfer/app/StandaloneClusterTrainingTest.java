package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import org.apache.spark.SparkConf;
import vlfer.testing.ExecutorKiller;
import vlfer.testing.LocalSpark;
import vlfer.testing.StandaloneCluster;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.train.CheckpointStore;

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
            SparkSession spark = driverOn(cluster);
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

    /**
     * A lost executor: the executor running the first task of epoch 2 is killed (SIGKILL). Spark
     * retries its tasks (spark.task.maxFailures 4 from reference.conf), the standalone master starts a
     * new executor, training completes with every face trained once per epoch (EpochLoop checks it),
     * and the model equals an uninterrupted run's, bit for bit: a retried shard refits the same
     * minibatches from the same broadcast state, and only one attempt's result is merged.
     */
    @Test
    void aKilledExecutorIsSurvivedAndChangesNothing() throws Exception {
        String[] common = {"vlfer.synth.train-per-class=30", "vlfer.synth.test-per-class=4", "vlfer.train.epochs=2",
                "vlfer.train.workers=2", "vlfer.train.batch-size-per-worker=8", "vlfer.train.averaging-frequency=6",
                "vlfer.model.encoder=small-cnn", "vlfer.output.predictions=false"};
        LoadedSettings plain = TestRuns.settings(work, concat(common, "vlfer.run-id=steady"));
        LoadedSettings killed = TestRuns.settings(work, concat(common, "vlfer.run-id=killed"));
        TestData.synthesize(plain.settings());
        Path home = Path.of("target", "spark-home").toAbsolutePath();
        try (StandaloneCluster cluster = StandaloneCluster.start(home, 2, 1, "2g")) {
            SparkSession spark = driverOn(cluster);
            try {
                assertEquals("4", spark.sparkContext().getConf().get("spark.task.maxFailures"));
                assertEquals(2, awaitExecutors(spark, 2));
                RunSummary steady = TrainJob.run(plain, false);
                ExecutorKiller killer = new ExecutorKiller(work.resolve("out/runs/killed/checkpoints/epoch-0000.zip"),
                        spark.sparkContext().applicationId());
                spark.sparkContext().addSparkListener(killer);
                RunSummary survived = TrainJob.run(killed, false);
                spark.sparkContext().removeSparkListener(killer);

                assertNotNull(killer.killed(), "an executor was killed in epoch 2");
                assertFalse(killer.lostTasks().isEmpty(), "a task was lost with its executor: " + killer.killed());
                assertEquals(2, survived.epochsTrained());
                assertEquals(CheckpointStore.load(new Configuration(), steady.modelPath()).graph().params(),
                        CheckpointStore.load(new Configuration(), survived.modelPath()).graph().params(),
                        "the run that lost executor " + killer.killed() + " (tasks " + killer.lostTasks()
                                + ") ends with the uninterrupted run's parameters");
                assertEquals(steady.finalLoss(), survived.finalLoss(), 0.0);
            } finally {
                spark.stop();
            }
        }
    }

    /** This JVM as the driver of {@code cluster}: one 1-core, 1 GB executor per worker. */
    private static SparkSession driverOn(StandaloneCluster cluster) {
        return LocalSpark.start(cluster.masterUrl(), new SparkConf()
                .set("spark.executor.memory", "1g")
                .set("spark.executor.cores", "1")
                .set("spark.executor.extraJavaOptions", StandaloneCluster.executorJavaOptions())
                .set("spark.executorEnv.OMP_NUM_THREADS", "1"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
