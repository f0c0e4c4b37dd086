package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.config.LoadedSettings;
import vlfer.data.LabelVocabulary;
import vlfer.model.loss.InfoNceLossLayer;
import vlfer.text.PromptFamily;
import vlfer.text.TextEncoder;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.PromptLogitsReference;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.train.CheckpointStore;

/**
 * The methods that need the image and text towers of one vision-language model, run on a CLIP-
 * shaped pair: the clip-vit image tower (random weights, 8-d output) and the tiny CLIP-style text
 * tower exported by src/test/python/tiny_clip_text.py (8-d text_embeds) as vlfer.text.encoder =
 * onnx-file. Random towers: the figures are at chance; what is checked is the wiring.
 */
@ExtendWith(LocalSparkExtension.class)
class ClipPairMethodsTest {
    @TempDir
    static Path work;

    private static String fixture(String name) {
        return Path.of("src/test/resources/vlfer/text/tiny-clip-text", name).toString();
    }

    private static LoadedSettings settings(String runId, String... more) {
        return TestRuns.settings(work, List.of("vlfer.run-id=" + runId, "vlfer.synth.train-per-class=6",
                "vlfer.synth.test-per-class=3", "vlfer.train.epochs=1", "vlfer.train.warmup-epochs=0",
                "vlfer.output.predictions=false", "vlfer.model.encoder=clip-vit", "vlfer.model.input-size=32",
                "vlfer.model.vit.patch=8", "vlfer.model.vit.width=32", "vlfer.model.vit.layers=2",
                "vlfer.model.vit.heads=4", "vlfer.model.vit.output-dim=8", "vlfer.text.encoder=onnx-file",
                "vlfer.text.onnx-file.model=" + fixture("tiny-clip-text.onnx"),
                "vlfer.text.onnx-file.tokenizer=" + fixture("tokenizer.json"),
                "vlfer.text.onnx-file.output=text_embeds", "vlfer.text.onnx-file.pooling=none",
                "vlfer.text.onnx-file.max-tokens=16"), more);
    }

    @Test
    void zeroshotClassifiesByTheTextTowersPromptEmbeddingsWithoutTraining() throws Exception {
        LoadedSettings loaded = settings("zeroshot-pair", "vlfer.method.name=zeroshot", "vlfer.method.zeroshot.prompts=ensemble-5");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        assertEquals(0, run.epochsTrained());
        assertEquals("zeroshot-ensemble-5", run.method());
        assertEquals(7 * 3, run.result("synthetic", "test").metrics().samples());
        RunSummary again = EvaluateJob.run(loaded, run.modelPath());
        assertEquals(run.result("synthetic", "test").metrics().war(), again.result("synthetic", "test").metrics().war(), 1e-12);

        // the saved classifier, recomputed from the image tower's output and the text tower's embeddings
        ComputationGraph graph = CheckpointStore.load(new Configuration(), run.modelPath()).graph();
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 2, 3, 32, 32);
        Map<String, INDArray> acts = graph.feedForward(x, false);
        double[][] image = acts.get("vit.head").castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] logits = acts.get("zeroshot").castTo(DataType.DOUBLE).toDoubleMatrix();
        List<List<String>> prompts = PromptFamily.named("ensemble-5").prompts(LabelVocabulary.BASIC_7);
        try (TextEncoder text = TextEmbeddings.open(loaded.settings().text())) {
            double[][] promptRows = prompts.stream().flatMap(List::stream).map(t -> toDouble(text.encode(List.of(t))[0]))
                    .toArray(double[][]::new);
            int[] promptClass = new int[promptRows.length];
            for (int c = 0, r = 0; c < prompts.size(); c++) {
                for (int k = 0; k < prompts.get(c).size(); k++) {
                    promptClass[r++] = c;
                }
            }
            for (int i = 0; i < image.length; i++) {
                assertArrayEquals(PromptLogitsReference.classLogits(image[i], promptRows, promptClass, prompts.size(), 100),
                        logits[i], 1e-3);
            }
        }
    }

    @Test
    void expclipSharedSpaceTrainsOneProjectionForBothTowers() throws Exception {
        LoadedSettings loaded = settings("expclip-shared-pair", "vlfer.method.name=expclip",
                "vlfer.method.expclip.mode=shared-space");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        assertEquals(1, run.epochsTrained());
        assertEquals("expclip-shared-ensemble-10", run.method());
        assertTrue(Double.isFinite(run.finalLoss()), "loss " + run.finalLoss());
        assertEquals(7 * 3, run.result("synthetic", "test").metrics().samples());
        ComputationGraph graph = CheckpointStore.load(new Configuration(), run.modelPath()).graph();
        InfoNceLossLayer head = (InfoNceLossLayer) graph.getLayer("expclip").conf().getLayer();
        assertTrue(head.isSharedSpace(), "the saved head projects the prompts too");
    }

    /** The paper's targets: another model's encodings (here 12 seeded values per face), wider than the pair's 8. */
    @Test
    void sharedSpaceTakesTargetsOfAnyWidthFromAFile() throws Exception {
        LoadedSettings plain = settings("expclip-llm-targets", "vlfer.method.name=expclip");
        TestData.synthesize(plain.settings());
        Path actions = work.resolve("synthetic-rafdb/EmoLabel/facial_actions.tsv");
        java.util.Random random = new java.util.Random(3);
        StringBuilder tsv = new StringBuilder();
        List<String> lines = Files.readAllLines(actions);
        for (String line : lines.subList(1, lines.size())) {
            tsv.append(line.split("\t")[0]);
            for (int d = 0; d < 12; d++) {
                tsv.append('\t').append(random.nextGaussian());
            }
            tsv.append('\n');
        }
        Path targets = Files.writeString(work.resolve("llm-targets.tsv"), tsv);

        LoadedSettings shared = settings("expclip-llm-targets", "vlfer.method.name=expclip",
                "vlfer.method.expclip.mode=shared-space", "vlfer.method.expclip.targets=" + targets);
        RunSummary run = TrainJob.run(shared, false);
        ComputationGraph graph = CheckpointStore.load(new Configuration(), run.modelPath()).graph();
        assertArrayEquals(new long[] {8, 12}, graph.getLayer("expclip").getParam("W").shape());
        assertEquals(7 * 3, run.result("synthetic", "test").metrics().samples());

        LoadedSettings imageToText = settings("expclip-llm-targets-i2t", "vlfer.method.name=expclip",
                "vlfer.method.expclip.targets=" + targets);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainJob.run(imageToText, false));
        assertTrue(e.getMessage().contains("the targets must have 8 values, not 12"), e.getMessage());
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
