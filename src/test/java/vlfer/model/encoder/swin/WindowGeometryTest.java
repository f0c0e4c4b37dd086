package vlfer.model.encoder.swin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** torchvision's window layout, worked out by hand for Swin-T's stages at 224 and 112. */
class WindowGeometryTest {
    @Test
    void aShiftedBlockOnA56MapMasksTheWrappedRegionsOfTheLastWindows() {
        WindowGeometry g = new WindowGeometry(56, 56, 7, true);
        assertEquals(0, g.padBottom() + g.padRight());
        assertEquals(3, g.shiftRows());
        assertEquals(3, g.shiftCols());
        assertEquals(64, g.windows());
        float[][] mask = g.shiftMask();
        assertEquals(0, masked(mask[0]), "an inner window keeps every pair");
        // rows and columns 49-52 and 53-55 of the last window come from different places: regions of 4x4, 4x3, 3x4, 3x3
        assertEquals(49 * 49 - (16 * 16 + 12 * 12 + 12 * 12 + 9 * 9), masked(mask[63]));
        // the last window of the first row wraps only across columns: 7x4 and 7x3
        assertEquals(49 * 49 - (28 * 28 + 21 * 21), masked(mask[7]));
        assertEquals(WindowGeometry.MASKED, mask[63][0 * 49 + 48]);
        assertEquals(0f, mask[63][0 * 49 + 1]);
    }

    @Test
    void aWindowThatCoversTheMapDropsTheShift() {
        WindowGeometry seven = new WindowGeometry(7, 7, 7, true);
        assertFalse(seven.shifts());
        assertNull(seven.shiftMask());
        WindowGeometry four = new WindowGeometry(4, 4, 7, true);
        assertEquals(3, four.padBottom());
        assertEquals(3, four.padRight());
        assertEquals(1, four.windows());
        assertFalse(four.shifts());
    }

    @Test
    void aMapThatIsNotWholeWindowsIsPaddedAndStillShifted() {
        WindowGeometry g = new WindowGeometry(5, 6, 4, true);
        assertEquals(3, g.padBottom());
        assertEquals(2, g.padRight());
        assertEquals(2, g.shiftRows());
        assertEquals(4, g.windows());
    }

    @Test
    void relativePositionsIndexTheTableAsTorchvision() {
        int[] index = new WindowGeometry(7, 7, 7, false).relativePositionIndex();
        assertEquals(49 * 49, index.length);
        assertEquals(84, index[0], "a token and itself: the table's centre row (6 * 13 + 6)");
        assertEquals(168, index[48 * 49], "query at the bottom right, key at the top left");
        assertEquals(0, index[48], "query at the top left, key at the bottom right");
        assertArrayEquals(new int[] {4, 3, 1, 0}, new WindowGeometry(2, 2, 2, false).relativePositionIndex(), 0, 4);
    }

    private static int masked(float[] window) {
        int n = 0;
        for (float v : window) {
            n += v == WindowGeometry.MASKED ? 1 : 0;
        }
        return n;
    }

    private static void assertArrayEquals(int[] expected, int[] actual, int from, int to) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, java.util.Arrays.copyOfRange(actual, from, to));
    }
}
