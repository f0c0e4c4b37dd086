package vlfer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.SettingsException;
import vlfer.config.SettingsLoader;
import vlfer.config.TextSettings;
import vlfer.interop.djl.TextEncoders;

/**
 * {@code vlfer.text.encoder = clip-text}: CLIP's text transformer as vlfer's own DL4J graph, on the
 * tiny random-weight CLIP text tower of src/test/python/tiny_clip_text.py saved as an OpenAI state
 * dict (tiny-clip-text.npz) with its tokenizer.json. The same weights exported to ONNX
 * (tiny-clip-text.onnx) run through {@code onnx-file}, and torch's float64 outputs, are the references.
 */
class ClipTextEncoderTest {
    private static final String FIXTURES = "/vlfer/text/tiny-clip-text/";

    @TempDir
    Path dir;

    private static String fixture(String name) {
        try {
            return Path.of(ClipTextEncoderTest.class.getResource(FIXTURES + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private TextSettings settings(String text) throws IOException {
        Path conf = dir.resolve("clip-text.conf");
        Files.writeString(conf, "vlfer.text {\n" + text + "\n}\n");
        return new SettingsLoader().load(conf, List.of()).settings().text();
    }

    private TextSettings clipText(String weights, int heads) throws IOException {
        return settings("encoder = clip-text\nclip-text {\n  weights = \"" + weights + "\"\n  tokenizer = \""
                + fixture("tokenizer.json") + "\"\n  heads = " + heads + "\n}");
    }

    @Test
    void matchesTorchAndTheOnnxPathOnTheSameWeights() throws IOException {
        List<ReferenceVectors.Row> rows = ReferenceVectors.read(FIXTURES + "reference.tsv").stream()
                .filter(r -> r.kind().equals("text_embeds:none")).toList();
        assertEquals(6, rows.size());
        TextSettings onnx = settings("encoder = onnx-file\nonnx-file {\n  model = \"" + fixture("tiny-clip-text.onnx")
                + "\"\n  tokenizer = \"" + fixture("tokenizer.json") + "\"\n  output = text_embeds\n  pooling = none\n"
                + "  max-tokens = 16\n}");
        List<String> texts = rows.stream().map(ReferenceVectors.Row::sentence).toList();
        try (TextEncoder graph = TextEncoders.open(TextEncoderRegistry.spec(clipText(fixture("tiny-clip-text.npz"), 2)));
             TextEncoder viaOnnx = TextEncoders.open(TextEncoderRegistry.spec(onnx))) {
            assertEquals("clip-text:tiny-clip-text.npz", graph.name());
            assertEquals(8, graph.dimension());
            double torch = ReferenceVectors.maxAbsDifference(graph, rows);
            float[][] a = graph.encode(texts);
            float[][] b = viaOnnx.encode(texts);
            double onnxDiff = 0;
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < a[i].length; j++) {
                    onnxDiff = Math.max(onnxDiff, Math.abs(a[i][j] - b[i][j]));
                }
            }
            System.out.printf("clip-text on the tiny CLIP: max |DL4J - torch float64| = %.2e, max |DL4J - ONNX Runtime| = %.2e%n",
                    torch, onnxDiff);
            assertTrue(torch < 1e-4, "against torch: " + torch);
            assertTrue(onnxDiff < 1e-4, "against the onnx-file path: " + onnxDiff);
            // the 19-word text is cut to the context of 16 tokens with its end-of-text token kept, as the ONNX path
            EncoderChecks.unitLengthAndBatchIndependent(graph, texts);
        }
    }

    @Test
    void aTorchScriptArchiveOfTheSameWeightsGivesTheSameEmbeddings() throws IOException {
        List<String> texts = List.of("a photo of a face with an expression of happiness.", "sad", "an expression of anger.");
        try (TextEncoder npz = TextEncoders.open(TextEncoderRegistry.spec(clipText(fixture("tiny-clip-text.npz"), 2)));
             TextEncoder pt = TextEncoders.open(TextEncoderRegistry.spec(clipText(fixture("tiny-clip-text.pt"), 2)))) {
            assertEquals("clip-text:tiny-clip-text.pt", pt.name());
            float[][] a = npz.encode(texts);
            float[][] b = pt.encode(texts);
            for (int i = 0; i < a.length; i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(a[i], b[i], texts.get(i));
            }
        }
    }

    @Test
    void headsThatDoNotDivideTheWidthAreRefusedNamingTheFile() throws IOException {
        TextEncoderSpec spec = TextEncoderRegistry.spec(clipText(fixture("tiny-clip-text.npz"), 3));
        String e = assertThrows(IllegalArgumentException.class, () -> TextEncoders.open(spec).close()).getMessage();
        assertTrue(e.startsWith("vlfer.text.clip-text.weights = "), e);
        assertTrue(e.contains("text width 16 does not split into 3 heads"), e);
    }

    @Test
    void weightsWithoutATextTowerAreAClearError() throws IOException {
        Path swin = Path.of("src/test/resources/vlfer/interop/npz/swin-tiny.npz").toAbsolutePath();
        TextEncoderSpec spec = TextEncoderRegistry.spec(clipText(swin.toString(), 0));
        String e = assertThrows(IllegalArgumentException.class, () -> TextEncoders.open(spec).close()).getMessage();
        assertTrue(e.contains("swin-tiny.npz: token_embedding.weight is missing: not an OpenAI CLIP state dict"), e);
    }

    @Test
    void missingFilesAreRefusedAtStartUpNamingTheKey() throws IOException {
        String e = assertThrows(SettingsException.class,
                () -> TextEncoderRegistry.spec(clipText(dir.resolve("ViT-B-16.npz").toString(), 0))).getMessage();
        assertTrue(e.startsWith("vlfer.text.clip-text.weights"), e);
        assertTrue(e.contains("no such file"), e);
        String unset = assertThrows(SettingsException.class, () -> TextEncoderRegistry.spec(settings("encoder = clip-text")))
                .getMessage();
        assertTrue(unset.contains("vlfer.text.encoder = clip-text reads it"), unset);
    }
}
