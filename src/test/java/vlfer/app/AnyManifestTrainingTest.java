package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import vlfer.model.ModelCard;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.train.CheckpointStore;

/**
 * {@code vlfer train} on datasets other than RAF-DB: FERPlus read from fer2013.csv's pixel strings
 * (grey 48x48, 8 classes), AffectNet faces cropped from their boxes, and DFEW clips (fold 1, frames sampled per segment, features pooled over
 * time), each trained and evaluated end to end on local Spark.
 */
@ExtendWith(LocalSparkExtension.class)
class AnyManifestTrainingTest {
    @TempDir
    static Path work;

    private static LoadedSettings settings(String layout, String... more) {
        return TestRuns.settings(work, List.of("vlfer.run-id=any-" + layout, "vlfer.synth.layout=" + layout,
                "vlfer.synth.dir=\"" + work.resolve("synthetic-" + layout) + "\"",
                "vlfer.synth.train-per-class=12", "vlfer.synth.test-per-class=3", "vlfer.synth.image-size=48",
                "vlfer.synth.min-intensity=0.8", "vlfer.synth.label-noise=0", "vlfer.train.epochs=2",
                "vlfer.train.warmup-epochs=0", "vlfer.output.predictions=false"), more);
    }

    @Test
    void trainsAndEvaluatesFerPlusFromItsCsvPixels() {
        LoadedSettings loaded = settings("ferplus");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        SplitResult test = run.result("synthetic", "test");
        assertEquals(List.of("neutral", "happiness", "sadness", "surprise", "fear", "disgust", "anger", "contempt"), test.classes());
        assertEquals(3 * 8, test.metrics().samples());
        assertEquals(0, test.rejected());
        assertEquals(2, run.epochsTrained());
        assertTrue(Double.isFinite(run.finalLoss()));
    }

    @Test
    void trainsAndEvaluatesAffectNetFacesCroppedFromTheirBoxes() {
        LoadedSettings loaded = settings("affectnet-csv", "vlfer.data.datasets.synthetic.eval-splits=[validation]",
                "vlfer.data.datasets.synthetic.classes=basic-7");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        SplitResult validation = run.result("synthetic", "validation");
        assertEquals(3 * 7, validation.metrics().samples());
        assertEquals(0, validation.rejected());
        assertTrue(Double.isFinite(run.finalLoss()));
    }

    @Test
    void trainsAndEvaluatesDfewClipsWithTemporalPooling() {
        LoadedSettings loaded = settings("dfew", "vlfer.data.datasets.synthetic.fold=1",
                "vlfer.data.datasets.synthetic.segments=4");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        SplitResult test = run.result("synthetic", "test");
        // 15 clips per class pooled, fold 1 tests every fifth
        assertEquals(15 * 7 / 5, test.metrics().samples());
        assertEquals(0, test.rejected());
        ModelCard card = CheckpointStore.load(new Configuration(), run.modelPath()).card();
        assertEquals(4, card.frames());
        assertTrue(Double.isFinite(run.finalLoss()));
    }
}
