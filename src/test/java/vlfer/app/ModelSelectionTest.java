package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import vlfer.model.ModelCard;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.train.Checkpoint;
import vlfer.train.CheckpointStore;

/** best-on-validation: the model is the checkpoint of the epoch the held-out faces chose, and every row says so. */
@ExtendWith(LocalSparkExtension.class)
class ModelSelectionTest {
    @TempDir
    static Path work;

    @Test
    void theBestEpochOnValidationIsTheModel() {
        LoadedSettings loaded = TestRuns.settings(work, "vlfer.run-id=select", "vlfer.synth.train-per-class=30",
                "vlfer.synth.test-per-class=5", "vlfer.train.epochs=3", "vlfer.train.warmup-epochs=1",
                "vlfer.model.encoder=small-cnn", "vlfer.model.input-size=32", "vlfer.eval.protocol=best-on-validation",
                "vlfer.eval.validation-fraction=0.2");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        ModelCard card = CheckpointStore.load(new Configuration(), run.modelPath()).card();
        assertEquals("best-on-validation", card.protocol());
        assertTrue(card.epoch() >= 0 && card.epoch() < 3, "a trained epoch: " + card.epoch());
        Checkpoint chosen = CheckpointStore.load(new Configuration(), run.runDir() + String.format("/checkpoints/epoch-%04d.zip",
                card.epoch()));
        assertEquals(chosen.graph().params(), CheckpointStore.load(new Configuration(), run.modelPath()).graph().params(),
                "the model is that epoch's checkpoint");
        List<Row> rows = SparkSession.active().read().parquet(run.metricsTable()).where("run_id = 'select'")
                .select("protocol", "epoch").distinct().collectAsList();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("best-on-validation", rows.get(0).getString(0));
        assertEquals(card.epoch(), rows.get(0).getInt(1));
    }
}
