package vlfer.data.video;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Picks {@code segments} frames of a clip: the clip is cut into equal segments; training takes a
 * random frame in each, evaluation the segment centre ({@code floor(tick/2 + tick*k)},
 * {@code tick = frames/segments}). A clip shorter than {@code segments} gives all its frames and
 * then repeats its last one (not frame 0).
 */
public record ClipSampler(int segments) implements Serializable {
    public ClipSampler {
        if (segments < 1) {
            throw new IllegalArgumentException("segments must be at least 1, got " + segments);
        }
    }

    /** Frame indices in temporal order; {@code rng == null} means evaluation. */
    public int[] indices(int frames, SplittableRandom rng) {
        if (frames < 1) {
            throw new IllegalArgumentException("a clip needs at least one frame");
        }
        int[] out = new int[segments];
        if (frames < segments) {
            for (int k = 0; k < segments; k++) {
                out[k] = Math.min(k, frames - 1);
            }
            return out;
        }
        double tick = (double) frames / segments;
        for (int k = 0; k < segments; k++) {
            if (rng == null) {
                out[k] = (int) Math.floor(tick / 2 + tick * k);
            } else {
                int start = (int) Math.floor(tick * k);
                int end = Math.max(start + 1, (int) Math.floor(tick * (k + 1)));
                out[k] = start + rng.nextInt(end - start);
            }
        }
        return out;
    }
}
