package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import vlfer.config.VlferSettings;
import vlfer.data.LabelVocabulary;
import vlfer.model.NetworkFactory;
import vlfer.model.TrainingMethod;
import vlfer.model.TrainingMethods;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.train.CheckpointStore;

/**
 * swin-t through the real job (local Spark, two workers, DL4J's training workspaces, parameter
 * averaging, checkpoint, evaluation) at a small input side, 32 x 32: the 8 x 8 patch grid is padded
 * to 14 x 14 (two windows a side, so stage 1's odd blocks shift), then maps of 4, 2 and 1 are each
 * padded to one window.
 */
@ExtendWith(LocalSparkExtension.class)
class SwinTrainingTest {
    @TempDir
    static Path work;

    @Test
    void trainsAndEvaluatesWithTheSwinLayersUnderSparkWorkers() throws Exception {
        LoadedSettings loaded = TestRuns.settings(work, List.of("vlfer.run-id=swin", "vlfer.synth.train-per-class=6",
                "vlfer.synth.test-per-class=3", "vlfer.train.epochs=1", "vlfer.train.warmup-epochs=0",
                "vlfer.output.predictions=false", "vlfer.model.encoder=swin-t", "vlfer.model.input-size=32"));
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        assertEquals(1, run.epochsTrained());
        assertTrue(Double.isFinite(run.finalLoss()), "loss " + run.finalLoss());
        assertEquals(7 * 3, run.result("synthetic", "test").metrics().samples());

        ComputationGraph trained = CheckpointStore.load(new Configuration(), run.modelPath()).graph();
        VlferSettings s = loaded.settings();
        TrainingMethod method = TrainingMethods.create(s.method(), s.text());
        ComputationGraph fresh = new NetworkFactory(s.model(), s.train(), s.seed()).create(method,
                TextEmbeddings.encode(s.text(), method, LabelVocabulary.BASIC_7));
        for (String layer : List.of("features.1.1", "features.6", "features.7.1", "norm")) {
            assertTrue(trained.getLayer(layer).params().isNaN().none(), layer);
        }
        assertNotEquals(fresh.getLayer("features.1.1").getParam("qkvWeight"),
                trained.getLayer("features.1.1").getParam("qkvWeight"), "the shifted block of stage 1 trained");
    }
}
