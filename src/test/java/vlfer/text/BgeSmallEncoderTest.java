package vlfer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vlfer.interop.djl.TextEncoders;

/** The real bge-small-en-v1.5 ([CLS] pooling), loaded offline from its Maven jar through DJL + ONNX Runtime. */
class BgeSmallEncoderTest {
    private static TextEncoder encoder;

    @BeforeAll
    static void open() {
        encoder = TextEncoders.open(TextEncoderRegistry.get("bge-small-en-v1.5"));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void embeddingsAreUnitLength384AndIndependentOfTheBatch() {
        assertEquals(384, encoder.dimension());
        assertEquals("bge-small-en-v1.5", encoder.name());
        EncoderChecks.unitLengthAndBatchIndependent(encoder, List.of("a smiling happy face",
                "a person who is laughing out loud with friends at a party", "a tax form for a bank"));
    }

    @Test
    void relatedSentencesAreCloserThanUnrelatedOnes() {
        float[][] v = encoder.encode(List.of("a smiling happy face", "a person who is laughing out loud with friends",
                "a tax form for a bank", "an angry face with furrowed brows", "a furious frowning man"));
        double laughing = EncoderChecks.dot(v[0], v[1]);
        double taxForm = EncoderChecks.dot(v[0], v[2]);
        double anger = EncoderChecks.dot(v[3], v[4]);
        double angerVsTax = EncoderChecks.dot(v[3], v[2]);
        System.out.printf("bge-small-en-v1.5 cosines: smiling~laughing %.3f, smiling~tax %.3f, angry~furious %.3f, "
                + "angry~tax %.3f%n", laughing, taxForm, anger, angerVsTax);
        assertTrue(laughing > taxForm + 0.1, "smiling: " + laughing + " vs tax form " + taxForm);
        assertTrue(anger > angerVsTax + 0.1, "anger: " + anger + " vs tax form " + angerVsTax);
    }

    /**
     * Vectors from an independent float64 numpy run of the same ONNX graph with its own WordPiece
     * tokenizer (src/test/python/bert_sentence_reference.py, cls pooling), committed as a fixture.
     */
    @Test
    void matchesTheIndependentNumpyReference() throws Exception {
        List<ReferenceVectors.Row> rows = ReferenceVectors.read("/vlfer/interop/djl/bge-small-reference.tsv");
        assertTrue(rows.size() >= 9, "fixture rows: " + rows.size());
        double diff = ReferenceVectors.maxAbsDifference(encoder, rows);
        System.out.println("bge-small-en-v1.5: max |DJL - numpy float64| = " + diff + " over " + rows.size() + " sentences");
        assertTrue(diff < 1e-6, "max abs difference " + diff);
    }
}
