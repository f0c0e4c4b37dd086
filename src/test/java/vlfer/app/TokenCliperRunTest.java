package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import vlfer.config.LoadedSettings;
import vlfer.config.SettingsException;
import vlfer.interop.npz.StateDict;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.train.CheckpointStore;

/**
 * Token-space cliper through the real job on a tiny random CLIP pair: the clip-vit image tower
 * (random weights, 8-d output) and the tiny CLIP text tower of src/test/python/tiny_clip_text.py
 * run by vlfer's own graph (clip-text). Three stage-1 epochs train only the prompt tokens and lower
 * the loss; the stage-2 epochs train only the image tower; CLIP's text tower never moves.
 */
@ExtendWith(LocalSparkExtension.class)
class TokenCliperRunTest {
    @TempDir
    static Path work;

    private static String fixture(String name) {
        return Path.of("src/test/resources/vlfer/text/tiny-clip-text", name).toString();
    }

    private static LoadedSettings settings(String runId, String... more) {
        return TestRuns.settings(work, List.of("vlfer.run-id=" + runId, "vlfer.synth.train-per-class=30",
                "vlfer.synth.test-per-class=3", "vlfer.train.epochs=5", "vlfer.train.warmup-epochs=0",
                "vlfer.output.predictions=false", "vlfer.model.encoder=clip-vit", "vlfer.model.input-size=32",
                "vlfer.model.vit.patch=8", "vlfer.model.vit.width=32", "vlfer.model.vit.layers=2",
                "vlfer.model.vit.heads=4", "vlfer.model.vit.output-dim=8", "vlfer.text.encoder=clip-text",
                "vlfer.text.clip-text.weights=" + fixture("tiny-clip-text.npz"),
                "vlfer.text.clip-text.tokenizer=" + fixture("tokenizer.json"), "vlfer.text.clip-text.heads=2",
                "vlfer.method.name=cliper", "vlfer.method.cliper.descriptor-space=tokens",
                "vlfer.method.cliper.descriptor-epochs=3", "vlfer.method.cliper.descriptor-learning-rate=0.01",
                "vlfer.train.batch-size-per-worker=16"), more);
    }

    @Test
    void stageOneTrainsTheTokensAndLowersTheLossStageTwoTheImageTowerTheTextTowerNever() throws Exception {
        LoadedSettings loaded = settings("cliper-tok");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        assertEquals("cliper-tok-k5", run.method());
        assertEquals(5, run.epochsTrained());
        assertEquals(7 * 3, run.result("synthetic", "test").metrics().samples());

        List<Row> epochs = SparkSession.active().read().parquet(run.historyTable())
                .where("run_id = 'cliper-tok' AND kind = 'epoch'").orderBy("epoch").collectAsList();
        double[] losses = epochs.stream().mapToDouble(r -> r.<Double>getAs("loss")).toArray();
        System.out.println("token-space cliper, epoch losses: " + java.util.Arrays.toString(losses));
        assertTrue(losses[2] < losses[0], "stage 1 lowers the loss: " + java.util.Arrays.toString(losses));

        Configuration hadoop = new Configuration();
        CheckpointStore store = new CheckpointStore(hadoop, run.runDir());
        // checkpoints are numbered from 0: after the 2nd and 3rd epochs (stage 1) and the 4th (stage 2)
        ComputationGraph second = CheckpointStore.load(hadoop, store.pathOf(1)).graph();
        ComputationGraph third = CheckpointStore.load(hadoop, store.pathOf(2)).graph();
        ComputationGraph fourth = CheckpointStore.load(hadoop, store.pathOf(3)).graph();
        // stage 1: the tokens move, the image tower does not
        assertNotEquals(param(second, "cliper.tokens", "tokens"), param(third, "cliper.tokens", "tokens"));
        assertEquals(param(second, "vit.block1", "fcWeight"), param(third, "vit.block1", "fcWeight"));
        // stage 2: the image tower moves, the tokens do not
        assertEquals(param(third, "cliper.tokens", "tokens"), param(fourth, "cliper.tokens", "tokens"));
        assertNotEquals(param(third, "vit.block1", "fcWeight"), param(fourth, "vit.block1", "fcWeight"));
        // CLIP's text tower is the file's, after every epoch
        StateDict clip = StateDict.read(Path.of(fixture("tiny-clip-text.npz")));
        for (ComputationGraph g : List.of(second, third, fourth)) {
            assertEquals(clip.tensors().get("text_projection"), param(g, "text.projection", "textProjection"));
            assertEquals(clip.tensors().get("transformer.resblocks.1.mlp.c_fc.weight"), param(g, "text.block1", "fcWeight"));
            // the tower runs up to the template's end-of-text token: "an ID photo of X X X X." is 11 tokens
            INDArray positions = param(g, "cliper.prompt", "positionalEmbedding");
            assertEquals(11, positions.rows());
            assertEquals(clip.tensors().get("positional_embedding").get(NDArrayIndex.interval(0, 11), NDArrayIndex.all()),
                    positions);
        }
    }

    @Test
    void tokensWithoutClipsTextTowerAreRefusedAtStartUp() {
        LoadedSettings loaded = settings("cliper-tok-onnx", "vlfer.text.encoder=all-minilm-l6-v2");
        SettingsException e = assertThrows(SettingsException.class, () -> RunSettings.check(loaded.settings()));
        assertTrue(e.getMessage().startsWith("vlfer.method.cliper.descriptor-space"), e.getMessage());
        assertTrue(e.getMessage().contains("vlfer.text.encoder = clip-text"), e.getMessage());
    }

    @Test
    void anotherImageEncoderAndNoStageOneAreRefusedAtStartUp() {
        SettingsException resnet = assertThrows(SettingsException.class,
                () -> RunSettings.check(settings("cliper-tok-resnet", "vlfer.model.encoder=resnet18").settings()));
        assertTrue(resnet.getMessage().startsWith("vlfer.model.encoder"), resnet.getMessage());
        assertTrue(resnet.getMessage().contains("CLIP's image tower"), resnet.getMessage());
        SettingsException noStageOne = assertThrows(SettingsException.class,
                () -> RunSettings.check(settings("cliper-tok-0", "vlfer.method.cliper.descriptor-epochs=0").settings()));
        assertTrue(noStageOne.getMessage().startsWith("vlfer.method.cliper.descriptor-epochs"), noStageOne.getMessage());
    }

    private static INDArray param(ComputationGraph g, String layer, String param) {
        return g.getLayer(layer).getParam(param);
    }
}
