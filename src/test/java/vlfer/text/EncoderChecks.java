package vlfer.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Properties every {@link TextEncoder} promises, checked on real encoders. */
final class EncoderChecks {
    private EncoderChecks() {
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Encodes {@code texts} in one call: each row is unit length and equals the text encoded alone. */
    static float[][] unitLengthAndBatchIndependent(TextEncoder encoder, List<String> texts) {
        float[][] together = encoder.encode(texts);
        assertEquals(texts.size(), together.length);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(encoder.dimension(), together[i].length);
            assertEquals(1.0, dot(together[i], together[i]), 1e-5, texts.get(i));
            assertArrayEquals(encoder.encode(List.of(texts.get(i)))[0], together[i], 1e-6f, texts.get(i));
        }
        return together;
    }
}
