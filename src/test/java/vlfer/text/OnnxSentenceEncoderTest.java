package vlfer.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vlfer.data.LabelVocabulary;
import vlfer.interop.djl.TextEncoders;

/** The real all-MiniLM-L6-v2, loaded offline from its Maven jar through DJL + ONNX Runtime. */
class OnnxSentenceEncoderTest {
    private static TextEncoder encoder;

    @BeforeAll
    static void open() {
        encoder = TextEncoders.open(TextEncoderRegistry.get("all-minilm-l6-v2"));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void embeddingsAreUnitLength384AndIndependentOfTheBatch() {
        assertEquals(384, encoder.dimension());
        List<String> texts = List.of("a smiling happy face", "a person who is laughing out loud with friends at a party",
                "a tax form for a bank");
        float[][] together = encoder.encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(1.0, dot(together[i], together[i]), 1e-5);
            assertArrayEquals(encoder.encode(List.of(texts.get(i)))[0], together[i], 1e-6f);
        }
        assertTrue(dot(together[0], together[1]) > dot(together[0], together[2]) + 0.2,
                "semantics: " + dot(together[0], together[1]) + " vs " + dot(together[0], together[2]));
    }

    /**
     * Vectors from an independent float64 numpy run of the same ONNX graph with its own WordPiece
     * tokenizer (src/test/python/minilm_reference.py), committed as a fixture.
     */
    @Test
    void matchesTheIndependentNumpyReference() throws Exception {
        java.util.List<String> lines;
        try (java.io.InputStream in = getClass().getResourceAsStream("/vlfer/interop/djl/minilm-reference.tsv")) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        }
        assertTrue(lines.size() >= 9, "fixture rows: " + lines.size());
        for (String line : lines) {
            String[] cols = line.split("\t");
            String[] values = cols[2].split(",");
            float[] got = encoder.encode(List.of(cols[0]))[0];
            assertEquals(values.length, got.length);
            for (int i = 0; i < got.length; i++) {
                assertEquals(Double.parseDouble(values[i]), got[i], 1e-6, cols[0] + " [" + i + "]");
            }
        }
    }

    @Test
    void ke2ntPromptsAreTheExactPublishedStrings() {
        assertEquals(List.of(
                "a photo of a person making a neutral facial expression.",
                "a photo of a person making a happiness facial expression.",
                "a photo of a person making a sadness facial expression.",
                "a photo of a person making a surprise facial expression.",
                "a photo of a person making a fear facial expression.",
                "a photo of a person making a disgust facial expression.",
                "a photo of a person making an anger facial expression."), PromptTemplates.ke2nt(LabelVocabulary.BASIC_7));
    }

    @Test
    void tableHashIsStableAndFollowsTheContent() {
        List<String> prompts = PromptTemplates.ke2nt(LabelVocabulary.BASIC_7);
        ClassEmbeddingTable a = ClassEmbeddingTable.encode(encoder, LabelVocabulary.BASIC_7, prompts);
        ClassEmbeddingTable b = ClassEmbeddingTable.encode(encoder, LabelVocabulary.BASIC_7, prompts);
        assertEquals(a.hash(), b.hash());
        assertEquals(64, a.hash().length());
        assertEquals(7, a.rows());
        List<String> changed = new java.util.ArrayList<>(prompts);
        changed.set(0, "a photo of a calm face.");
        assertNotEquals(a.hash(), ClassEmbeddingTable.encode(encoder, LabelVocabulary.BASIC_7, changed).hash());
    }

    @Test
    void unknownEncoderNameListsTheKnownOnes() {
        String msg = assertThrows(IllegalArgumentException.class, () -> TextEncoderRegistry.get("clip-vit-l14")).getMessage();
        assertTrue(msg.contains("clip-vit-l14") && msg.contains("all-minilm-l6-v2"), msg);
    }
}
