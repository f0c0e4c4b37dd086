package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import vlfer.model.optim.TorchAdam;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.train.CheckpointStore;

/** adamw with warm restarts through the Spark trainer: the moments are averaged and survive the checkpoint. */
@ExtendWith(LocalSparkExtension.class)
class AdamTrainingTest {
    @TempDir
    static Path work;

    @Test
    void adamwTrainsOnSparkWithWarmRestarts() {
        LoadedSettings loaded = TestRuns.settings(work, "vlfer.run-id=adamw", "vlfer.synth.train-per-class=20",
                "vlfer.synth.test-per-class=4", "vlfer.train.epochs=3", "vlfer.train.warmup-epochs=0",
                "vlfer.model.encoder=small-cnn", "vlfer.model.input-size=32", "vlfer.train.optimizer=adamw",
                "vlfer.train.learning-rate=0.001", "vlfer.train.weight-decay=0.05", "vlfer.train.restart-epochs=2",
                "vlfer.train.adam.epsilon=1e-4");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        assertEquals(3, run.epochsTrained());
        assertTrue(Double.isFinite(run.finalLoss()), "loss " + run.finalLoss());
        ComputationGraph g = CheckpointStore.load(new Configuration(), run.modelPath()).graph();
        assertTrue(g.getConfiguration().toJson().contains(TorchAdam.class.getName()), "the configuration names TorchAdam");
        long params = g.numParams();
        long state = g.getUpdater().getStateViewArray().length();
        assertTrue(state > params && state <= 2 * params && state % 2 == 0,
                "first and second moments per trainable parameter (batch-norm statistics have none): " + state + " for " + params);
        assertTrue(g.getUpdater().getStateViewArray().amaxNumber().doubleValue() > 0, "the moments were carried");
    }
}
