package vlfer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A validation split held out of a training split for model selection: in each class, a seeded
 * random {@code fraction} of its faces (rounded, at least one of a class of two or more), the same
 * for the same seed and faces, and never among the faces trained on.
 */
public final class ValidationHoldout {
    /** The faces left to train on and the held-out ones (split name {@code <train>-holdout}). */
    public record Parts(DatasetSplit train, DatasetSplit validation) {
    }

    private static final long SALT = 0x7A11DA7EL;

    private ValidationHoldout() {
    }

    public static Parts split(DatasetSplit train, double fraction, long seed) {
        Map<Integer, List<FaceSample>> byClass = new TreeMap<>();
        for (FaceSample f : train.samples()) {
            byClass.computeIfAbsent(f.label(), k -> new ArrayList<>()).add(f);
        }
        Set<FaceSample> held = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Map.Entry<Integer, List<FaceSample>> e : byClass.entrySet()) {
            List<FaceSample> faces = new ArrayList<>(e.getValue());
            faces.sort(java.util.Comparator.comparing(FaceSample::id)); // independent of the reader's order
            Collections.shuffle(faces, new Random(Seeds.derive(seed, SALT + e.getKey())));
            int n = faces.size() < 2 ? 0 : Math.max(1, (int) Math.round(fraction * faces.size()));
            held.addAll(faces.subList(0, n));
        }
        List<FaceSample> keep = new ArrayList<>();
        List<FaceSample> hold = new ArrayList<>();
        for (FaceSample f : train.samples()) {
            (held.contains(f) ? hold : keep).add(f);
        }
        DatasetSplit trained = new DatasetSplit(train.dataset(), train.split(), train.vocabulary(), train.labelMap(),
                train.video(), keep, train.rejectsByReason(), train.rejects(), train.excludedByReason(), train.listFileRows());
        return new Parts(trained, train.subset(train.split() + "-holdout", hold));
    }
}
