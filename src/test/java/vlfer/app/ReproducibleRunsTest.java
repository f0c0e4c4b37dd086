package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.config.LoadedSettings;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.train.CheckpointStore;

/**
 * Runs on local[2] are reproducible: two runs of the same settings and seed end with the same
 * parameters, bit for bit, and the same metrics; a run resumed from an earlier checkpoint reaches
 * them too; a checkpoint made under other settings is refused, naming the keys, unless the user
 * insists.
 */
@ExtendWith(LocalSparkExtension.class)
class ReproducibleRunsTest {
    @TempDir
    static Path work;

    private static LoadedSettings settings(String runId, String... more) {
        return TestRuns.settings(work, List.of("vlfer.run-id=" + runId, "vlfer.synth.train-per-class=30",
                "vlfer.synth.test-per-class=5", "vlfer.train.epochs=3", "vlfer.train.warmup-epochs=1",
                "vlfer.model.encoder=small-cnn", "vlfer.model.input-size=32", "vlfer.train.batch-size-per-worker=16",
                "vlfer.train.averaging-frequency=2"), more);
    }

    private static Path local(String path) {
        return path.startsWith("file:") ? Path.of(java.net.URI.create(path)) : Path.of(path);
    }

    private static INDArray params(RunSummary run) {
        return CheckpointStore.load(new Configuration(), run.modelPath()).graph().params();
    }

    @Test
    void twoRunsAndAResumedRunEndIdentical() throws IOException {
        TestData.synthesize(settings("a").settings());
        RunSummary a = TrainJob.run(settings("a"), false);
        RunSummary b = TrainJob.run(settings("b"), false);
        assertEquals(3, a.epochsTrained());
        assertEquals(params(a), params(b), "same settings and seed: the same parameters, bit for bit");
        assertEquals(a.finalLoss(), b.finalLoss(), 0.0);
        assertEquals(a.result("synthetic", "test").metrics().war(), b.result("synthetic", "test").metrics().war(), 0.0);

        // run a interrupted after its first epoch: only that checkpoint is left
        Path runDir = local(a.runDir());
        Files.delete(runDir.resolve("checkpoints/epoch-0001.zip"));
        Files.delete(runDir.resolve("checkpoints/epoch-0002.zip"));
        Files.delete(local(a.modelPath()));
        RunSummary resumed = TrainJob.run(settings("a"), true);
        assertEquals(2, resumed.epochsTrained(), "epochs 2 and 3 only");
        assertEquals(params(b), params(resumed), "resumed = uninterrupted, bit for bit");
        assertEquals(b.result("synthetic", "test").metrics().war(), resumed.result("synthetic", "test").metrics().war(), 0.0);
        assertEquals(epochLosses(b), epochLosses(resumed), "the resumed history keeps epoch 1 and adds epochs 2 and 3");

        LoadedSettings changed = settings("a", "vlfer.train.learning-rate=0.03", "vlfer.augment.flip-probability=0");
        String msg = assertThrows(IllegalStateException.class, () -> TrainJob.run(changed, true)).getMessage();
        assertTrue(msg.contains("vlfer.train.learning-rate: 0.02 -> 0.03") && msg.contains("vlfer.augment.flip-probability")
                && msg.contains("--resume-anyway") && !msg.contains("vlfer.spark"), msg);
        RunSummary anyway = TrainJob.run(changed, NetworkStage.Start.RESUME_ANYWAY);
        assertEquals(0, anyway.epochsTrained(), "the checkpoint of the last epoch: nothing left to train");
    }

    /** The run's epoch rows in the history table, as (epoch, loss, faces) lines. */
    private static List<String> epochLosses(RunSummary run) {
        return org.apache.spark.sql.SparkSession.active().read().parquet(run.historyTable())
                .where("run_id = '" + run.runId() + "' AND kind = 'epoch'").orderBy("epoch").collectAsList().stream()
                .map(r -> r.getAs("epoch") + " " + r.getAs("loss") + " " + r.getAs("faces")).toList();
    }
}
