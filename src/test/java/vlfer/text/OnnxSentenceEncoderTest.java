package vlfer.text;

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

    @Test
    void embeddingsAreUnitLength384AndIndependentOfTheBatch() {
        assertEquals(384, encoder.dimension());
        float[][] v = EncoderChecks.unitLengthAndBatchIndependent(encoder, List.of("a smiling happy face",
                "a person who is laughing out loud with friends at a party", "a tax form for a bank"));
        double related = EncoderChecks.dot(v[0], v[1]);
        double unrelated = EncoderChecks.dot(v[0], v[2]);
        assertTrue(related > unrelated + 0.2, "semantics: " + related + " vs " + unrelated);
    }

    /**
     * Vectors from an independent float64 numpy run of the same ONNX graph with its own WordPiece
     * tokenizer (src/test/python/bert_sentence_reference.py, mean pooling), committed as a fixture.
     */
    @Test
    void matchesTheIndependentNumpyReference() throws Exception {
        List<ReferenceVectors.Row> rows = ReferenceVectors.read("/vlfer/interop/djl/minilm-reference.tsv");
        assertTrue(rows.size() >= 9, "fixture rows: " + rows.size());
        double diff = ReferenceVectors.maxAbsDifference(encoder, rows);
        System.out.println("all-minilm-l6-v2: max |DJL - numpy float64| = " + diff + " over " + rows.size() + " sentences");
        assertTrue(diff < 1e-6, "max abs difference " + diff);
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
