package vlfer.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import vlfer.text.TextEncoderSpec.Pooling;

/** Pooling against hand-computed vectors: three tokens of two values, the last one masked out. */
class TokenPoolingTest {
    private static final float[] STATES = {3, 4, 0, 2, 100, 100};
    private static final long[] MASK = {1, 1, 0};

    @Test
    void meanAveragesTheKeptTokensOnly() {
        // (3 + 0, 4 + 2) / 2 = (1.5, 3) -> / |.| = 3.354...
        assertArrayEquals(new float[]{0.4472136f, 0.8944272f}, TokenPooling.pool(Pooling.MEAN, STATES, 3, MASK), 1e-6f);
    }

    @Test
    void clsTakesTheFirstToken() {
        assertArrayEquals(new float[]{0.6f, 0.8f}, TokenPooling.pool(Pooling.CLS, STATES, 3, MASK), 1e-6f);
    }

    @Test
    void eosTakesTheLastTokenTheMaskKeeps() {
        assertArrayEquals(new float[]{0f, 1f}, TokenPooling.pool(Pooling.EOS, STATES, 3, MASK), 1e-6f);
        assertArrayEquals(new float[]{0.70710677f, 0.70710677f},
                TokenPooling.pool(Pooling.EOS, STATES, 3, new long[]{1, 1, 1}), 1e-6f);
    }

    @Test
    void noneOnlyNormalisesAnAlreadyPooledVector() {
        assertArrayEquals(new float[]{-0.6f, 0.8f}, TokenPooling.pool(Pooling.NONE, new float[]{-6, 8}, 1, new long[]{1}), 1e-6f);
    }
}
