package vlfer.data;

/**
 * Derives every seed of a run from the one configured seed, so that a seed for (epoch, partition)
 * never depends on what ran before it.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long derive(long seed, long... parts) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long p : parts) {
            h = mix(h ^ mix(p + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** SplitMix64's finaliser: a bijective avalanche of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
