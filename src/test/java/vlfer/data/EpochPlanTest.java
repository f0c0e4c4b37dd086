package vlfer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vlfer.data.source.ImageFile;

class EpochPlanTest {
    private static List<FaceSample> faces(int n) {
        return IntStream.range(0, n).mapToObj(i -> new FaceSample("d", "train", "f" + i, i % 7, new ImageFile("img/" + i + ".jpg")))
                .toList();
    }

    private static List<String> order(EpochPlan plan, int batchSize) {
        List<String> ids = new ArrayList<>();
        for (int b = 0; b < plan.batches(); b++) {
            PlannedBatch batch = plan.batch(b, TrainingLabels.oneHot(7));
            assertEquals(b * batchSize, batch.firstPosition());
            for (int i = 0; i < batch.samples().size(); i++) {
                assertEquals(plan.at(batch.firstPosition() + i), batch.samples().get(i), "positions name the faces");
            }
            batch.samples().forEach(s -> ids.add(s.id()));
        }
        return ids;
    }

    @Test
    void everyFaceIsInExactlyOneMinibatchAndOnlyTheLastIsShort() {
        for (int n : new int[] {1, 31, 32, 34, 1000}) {
            EpochPlan plan = EpochPlan.shuffle(faces(n), 7, 3, 32);
            assertEquals((n + 31) / 32, plan.batches());
            List<String> ids = order(plan, 32);
            assertEquals(n, ids.size(), "n = " + n);
            assertEquals(n, new HashSet<>(ids).size(), "no face twice, n = " + n);
            for (int b = 0; b < plan.batches() - 1; b++) {
                assertEquals(32, plan.batch(b, TrainingLabels.oneHot(7)).samples().size());
            }
        }
    }

    @Test
    void aLoneLastFaceJoinsTheMinibatchBeforeIt() {
        for (int n : new int[] {33, 65, 97}) {
            EpochPlan plan = EpochPlan.shuffle(faces(n), 7, 3, 32);
            assertEquals(n / 32, plan.batches(), "n = " + n);
            List<String> ids = order(plan, 32);
            assertEquals(n, new HashSet<>(ids).size(), "every face once, n = " + n);
            assertEquals(33, plan.batch(plan.batches() - 1, TrainingLabels.oneHot(7)).samples().size(), "no minibatch of one");
        }
    }

    @Test
    void theOrderIsAFunctionOfSeedAndEpochOnly() {
        List<FaceSample> faces = faces(200);
        List<String> a = order(EpochPlan.shuffle(faces, 7, 3, 16), 16);
        assertEquals(a, order(EpochPlan.shuffle(new ArrayList<>(faces), 7, 3, 16), 16), "same seed and epoch, same order");
        assertNotEquals(a, order(EpochPlan.shuffle(faces, 7, 4, 16), 16), "the next epoch reshuffles");
        assertNotEquals(a, order(EpochPlan.shuffle(faces, 8, 3, 16), 16), "another seed reshuffles");
        assertNotEquals(faces.stream().map(FaceSample::id).toList(), a, "shuffled");
    }

    @Test
    void aMinibatchCarriesOnlyItsOwnTargetVectors() {
        List<FaceSample> faces = faces(10);
        java.util.Map<String, float[]> targets = new java.util.HashMap<>();
        faces.forEach(f -> targets.put(f.id(), new float[] {f.label(), 1}));
        PlannedBatch batch = EpochPlan.shuffle(faces, 1, 0, 4).batch(1, TrainingLabels.vectors(targets, 2));
        TrainingLabels.Vectors own = (TrainingLabels.Vectors) batch.labels();
        Set<String> ids = new HashSet<>();
        batch.samples().forEach(s -> ids.add(s.id()));
        assertEquals(ids, own.byId().keySet());
    }
}
