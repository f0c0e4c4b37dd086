package vlfer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.data.layouts.SynthLayoutFixture;

/** The held-out validation split: stratified, seeded, never among the faces trained on. */
class ValidationHoldoutTest {
    @TempDir
    Path dir;

    private static Set<String> ids(DatasetSplit s) {
        Set<String> out = new HashSet<>();
        s.samples().forEach(f -> out.add(f.id()));
        return out;
    }

    @Test
    void aSeededStratifiedFractionDisjointFromTraining() {
        var ds = SynthLayoutFixture.dataset("rafdb", SynthLayoutFixture.write(dir, "rafdb"));
        DatasetSplit train = SynthLayoutFixture.read(ds, "train");           // 3 faces of each of 7 classes
        ValidationHoldout.Parts a = ValidationHoldout.split(train, 0.34, 42);
        assertEquals(7, a.validation().samples().size(), "round(0.34 x 3) = 1 face of each class");
        a.validation().countsByClass().values().forEach(n -> assertEquals(1L, n));
        assertEquals(14, a.train().samples().size());
        Set<String> trained = ids(a.train());
        assertTrue(ids(a.validation()).stream().noneMatch(trained::contains), "no held-out face is trained on");
        assertEquals("train-holdout", a.validation().split());
        assertEquals(train.rejectsByReason(), a.train().rejectsByReason(), "the training part keeps the read's counts");

        assertEquals(ids(a.validation()), ids(ValidationHoldout.split(train, 0.34, 42).validation()), "same seed, same faces");
        List<FaceSample> reversed = new java.util.ArrayList<>(train.samples());
        java.util.Collections.reverse(reversed);
        assertEquals(ids(a.validation()), ids(ValidationHoldout.split(train.subset("train", reversed), 0.34, 42).validation()),
                "independent of the reader's order");
        boolean differs = false;
        for (long seed = 1; seed < 6 && !differs; seed++) {
            differs = !ids(a.validation()).equals(ids(ValidationHoldout.split(train, 0.34, seed).validation()));
        }
        assertTrue(differs, "another seed holds out other faces");
        Map<String, Long> none = ValidationHoldout.split(train.subset("train", train.samples().subList(0, 1)), 0.5, 42)
                .validation().countsByClass();
        assertNotEquals(null, none);
        assertEquals(0L, none.values().stream().mapToLong(Long::longValue).sum(), "a class of one face keeps it for training");
    }
}
