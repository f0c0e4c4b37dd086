package vlfer.data.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClipSamplerTest {
    @Test
    void evaluationTakesSegmentCentres() {
        // 32 frames, 16 segments: tick 2, centres floor(1 + 2k)
        int[] idx = new ClipSampler(16).indices(32, null);
        for (int k = 0; k < 16; k++) {
            assertEquals(1 + 2 * k, idx[k]);
        }
        // 40 frames: tick 2.5, floor(1.25 + 2.5k)
        int[] forty = new ClipSampler(16).indices(40, null);
        assertEquals(1, forty[0]);
        assertEquals(3, forty[1]);
        assertEquals(38, forty[15]);
    }

    @Test
    void shortClipsRepeatTheirLastFrameNotTheFirst() {
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 4, 4, 4}, new ClipSampler(8).indices(5, null));
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 4, 4, 4}, new ClipSampler(8).indices(5, new SplittableRandom(1)));
        assertArrayEquals(new int[]{0, 0, 0}, new ClipSampler(3).indices(1, null));
    }

    @Test
    void trainingTakesOneRandomFrameInsideEachSegment() {
        ClipSampler s = new ClipSampler(16);
        Set<Integer> firstSegmentPicks = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int[] idx = s.indices(50, rng);
            for (int k = 0; k < 16; k++) {
                int start = (int) Math.floor(50.0 / 16 * k);
                int end = (int) Math.floor(50.0 / 16 * (k + 1));
                assertTrue(idx[k] >= start && idx[k] < end, "segment " + k + ": " + idx[k]);
            }
            firstSegmentPicks.add(idx[0]);
        }
        assertEquals(Set.of(0, 1, 2), firstSegmentPicks);
        assertArrayEquals(s.indices(50, new SplittableRandom(9)), s.indices(50, new SplittableRandom(9)));
    }
}
