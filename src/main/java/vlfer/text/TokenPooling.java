package vlfer.text;

/** Turns an encoder graph's output for one text into one L2-normalised vector, as {@link TextEncoderSpec.Pooling} says. */
public final class TokenPooling {
    private TokenPooling() {
    }

    /**
     * @param states the output for one text, row-major: tokens x dim values (NONE: dim values, tokens = 1)
     * @param tokens how many token rows {@code states} holds
     * @param mask   the attention mask, one entry per token (ignored by CLS and NONE)
     */
    public static float[] pool(TextEncoderSpec.Pooling pooling, float[] states, int tokens, long[] mask) {
        int dim = states.length / tokens;
        float[] pooled = new float[dim];
        switch (pooling) {
            case CLS:
            case NONE:
                System.arraycopy(states, 0, pooled, 0, dim);
                break;
            case EOS:
                System.arraycopy(states, lastKept(mask) * dim, pooled, 0, dim);
                break;
            case MEAN:
                mean(states, dim, mask, pooled);
                break;
            default:
                throw new IllegalArgumentException("pooling " + pooling);
        }
        return l2Normalised(pooled);
    }

    private static int lastKept(long[] mask) {
        for (int t = mask.length - 1; t > 0; t--) {
            if (mask[t] != 0) {
                return t;
            }
        }
        return 0;
    }

    private static void mean(float[] states, int dim, long[] mask, float[] out) {
        long count = 0;
        for (int t = 0; t < mask.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            count++;
            for (int d = 0; d < dim; d++) {
                out[d] += states[t * dim + d];
            }
        }
        for (int d = 0; d < dim; d++) {
            out[d] /= Math.max(1, count);
        }
    }

    private static float[] l2Normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float inv = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }
}
