package vlfer.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {
    private static final Map<String, Double> RUN = Map.of("rafdb/test", 0.88, "sfew/val", 0.50);

    @Test
    void everySplitMustReachTheFloor() {
        assertTrue(Gate.check(RUN, 0.50, null, null, null, 0).passed(), "0.50 reaches a 0.50 floor");
        GateVerdict v = Gate.check(RUN, 0.60, null, null, null, 0);
        assertFalse(v.passed());
        assertEquals(1, v.failures().size());
        assertTrue(v.failures().get(0).startsWith("sfew/val: WAR 50.00%, minimum 60.00%"), v.failures().get(0));
    }

    @Test
    void aDropAgainstTheChampionBeyondTheAllowanceFails() {
        Map<String, Double> champion = Map.of("rafdb/test", 0.90, "sfew/val", 0.49);
        assertTrue(Gate.check(RUN, 0, "fer", "old", champion, 0.02).passed(), "2 points lost on rafdb are allowed");
        GateVerdict v = Gate.check(RUN, 0, "fer", "old", champion, 0.01);
        assertFalse(v.passed());
        assertEquals(1, v.failures().size());
        assertTrue(v.failures().get(0).contains("rafdb/test: WAR 88.00% vs champion 'fer' (run old) 90.00%, drop 2.00%"),
                v.failures().get(0));
    }

    @Test
    void splitsTheChampionLacksAndAMissingChampionAreNotedNotFailed() {
        GateVerdict none = Gate.check(RUN, 0, "fer", null, null, 0);
        assertTrue(none.passed());
        assertTrue(none.notes().contains("no champion 'fer' yet: nothing to compare with"));
        GateVerdict partial = Gate.check(RUN, 0, "fer", "old", Map.of("rafdb/test", 0.80), 0);
        assertTrue(partial.passed());
        assertTrue(partial.notes().stream().anyMatch(n -> n.startsWith("sfew/val: champion 'fer' (run old) was not evaluated")));
    }

    @Test
    void aChampionWithNoSplitInCommonFails() {
        GateVerdict v = Gate.check(RUN, 0, "fer", "old", Map.of("affectnet/val", 0.6), 0.01);
        assertFalse(v.passed(), "nothing could be compared: the gate does not wave the run through");
        assertTrue(v.failures().get(0).contains("has no WAR on any split the run was evaluated on"), v.failures().get(0));
    }

    @Test
    void aRunWithoutMetricsFails() {
        GateVerdict v = Gate.check(Map.of(), 0, null, null, null, 0);
        assertFalse(v.passed());
        assertTrue(v.text("r").contains("FAIL the run has no WAR"), v.text("r"));
    }
}
