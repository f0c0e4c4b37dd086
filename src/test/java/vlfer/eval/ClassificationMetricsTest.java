package vlfer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    private static final double EPS = 1e-12;

    /**
     * 3 classes, rows = true, columns = predicted:
     *   a: 5 1 0   (6)
     *   b: 2 3 1   (6)
     *   c: 0 0 4   (4)
     * correct = 12 of 16; recall a 5/6, b 3/6, c 4/4; precision a 5/7, b 3/4, c 4/5.
     */
    private static final long[][] M = {{5, 1, 0}, {2, 3, 1}, {0, 0, 4}};

    @Test
    void matchesHandComputedValues() {
        ClassificationMetrics m = ClassificationMetrics.of(ConfusionCounts.of(M));
        assertEquals(16, m.samples());
        assertEquals(12.0 / 16, m.war(), EPS);
        assertEquals((5.0 / 6 + 3.0 / 6 + 1.0) / 3, m.uar(), EPS);
        double f1a = 2 * (5.0 / 7) * (5.0 / 6) / (5.0 / 7 + 5.0 / 6);
        double f1b = 2 * (3.0 / 4) * (3.0 / 6) / (3.0 / 4 + 3.0 / 6);
        double f1c = 2 * (4.0 / 5) * 1.0 / (4.0 / 5 + 1.0);
        assertEquals(f1a, m.f1()[0], EPS);
        assertEquals((f1a + f1b + f1c) / 3, m.macroF1(), EPS);
        assertEquals(3.0 / 4, m.precision()[1], EPS);
        assertEquals(6, m.support()[1]);
    }

    @Test
    void mergingPartitionCountsEqualsCountingAtOnce() {
        ConfusionCounts p1 = new ConfusionCounts(3).add(0, 0).add(1, 2).add(2, 2);
        ConfusionCounts p2 = new ConfusionCounts(3).add(0, 1).add(2, 2);
        ConfusionCounts merged = p1.merge(p2);
        assertEquals(5, merged.total());
        assertEquals(2, merged.get(2, 2));
        assertEquals(1, merged.get(0, 1));
        assertThrows(IllegalArgumentException.class, () -> merged.merge(new ConfusionCounts(2)));
    }

    @Test
    void classWithoutSamplesIsLeftOutOfUar() {
        // class 2 never occurs as a label and is never predicted
        ClassificationMetrics m = ClassificationMetrics.of(ConfusionCounts.of(new long[][]{{3, 1, 0}, {0, 4, 0}, {0, 0, 0}}));
        assertTrue(Double.isNaN(m.recall()[2]));
        assertEquals((0.75 + 1.0) / 2, m.uar(), EPS);
        assertEquals(7.0 / 8, m.war(), EPS);
    }
}
