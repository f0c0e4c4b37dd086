package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.config.LoadedSettings;
import vlfer.config.SettingsException;
import vlfer.interop.npz.StateDict;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.train.CheckpointStore;

/**
 * vlfer.model.weights through the real job: a CLIP-layout state dict (the tiny golden-tensor ViT,
 * keys under "visual.") loaded into encoder clip-vit, then expclip with its frozen image tower.
 */
@ExtendWith(LocalSparkExtension.class)
class PretrainedWeightsTrainingTest {
    private static final Path NPZ = Path.of("src/test/resources/vlfer/interop/npz/vit-tiny.npz");
    @TempDir
    static Path work;

    private static LoadedSettings settings(String runId, String... more) {
        return TestRuns.settings(work, List.of("vlfer.run-id=" + runId, "vlfer.synth.train-per-class=6",
                "vlfer.synth.test-per-class=3", "vlfer.train.epochs=1", "vlfer.train.warmup-epochs=0",
                "vlfer.output.predictions=false", "vlfer.model.encoder=clip-vit", "vlfer.model.input-size=32",
                "vlfer.model.vit.patch=8", "vlfer.model.vit.width=32", "vlfer.model.vit.layers=2",
                "vlfer.model.vit.heads=4", "vlfer.model.vit.output-dim=16", "vlfer.model.weights=" + NPZ,
                "vlfer.model.weights-prefix=visual."), more);
    }

    @Test
    void expclipTrainsItsProjectionOnTheImportedFrozenTower() throws Exception {
        LoadedSettings loaded = settings("vit-expclip", "vlfer.method.name=expclip");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        assertEquals(7 * 3, run.result("synthetic", "test").metrics().samples());

        ComputationGraph trained = CheckpointStore.load(new Configuration(), run.modelPath()).graph();
        StateDict dict = StateDict.read(NPZ);
        assertSame(dict.tensors().get("visual.conv1.weight"), trained.getLayer("vit.conv1").getParam("W"));
        assertSame(dict.tensors().get("visual.transformer.resblocks.1.attn.in_proj_weight"),
                trained.getLayer("vit.block1").getParam("inProjWeight"));
        assertSame(dict.tensors().get("visual.proj"), trained.getLayer("vit.head").getParam("proj"));
    }

    private static void assertSame(INDArray expected, INDArray actual) {
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff < 1e-7, "the frozen tower still holds the file's values: max diff " + diff);
    }

    @Test
    void aStateDictOfAnotherShapeNamesTheKeyAndEveryMismatch() {
        LoadedSettings loaded = settings("vit-wrong-width", "vlfer.method.name=ce", "vlfer.model.vit.width=64");
        TestData.synthesize(loaded.settings());
        SettingsException e = assertThrows(SettingsException.class, () -> TrainJob.run(loaded, false));
        assertTrue(e.getMessage().startsWith("vlfer.model.weights (encoder clip-vit): cannot import " + NPZ), e.getMessage());
        assertTrue(e.getMessage().contains("visual.conv1.weight: shape [32, 3, 8, 8] does not fit vit.conv1/W [64, 3, 8, 8]"),
                e.getMessage());
    }

    @Test
    void aMissingWeightsFileFailsAtStartUp() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> RunSettings.check(settings("vit-missing", "vlfer.model.weights=" + work.resolve("nope.npz")).settings()));
        assertTrue(e.getMessage().startsWith("vlfer.model.weights ("), e.getMessage());
        assertTrue(e.getMessage().contains("nope.npz"), e.getMessage());
    }
}
