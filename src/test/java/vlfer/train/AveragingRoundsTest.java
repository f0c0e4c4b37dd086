package vlfer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vlfer.data.EpochPlan;
import vlfer.data.FaceSample;
import vlfer.data.TrainingLabels;
import vlfer.data.source.ImageFile;

class AveragingRoundsTest {
    /** Minibatches per worker, round by round. */
    private static List<List<Integer>> layout(int faces, int batch, int workers, int frequency) {
        List<FaceSample> samples = IntStream.range(0, faces)
                .mapToObj(i -> new FaceSample("d", "train", "f" + i, 0, new ImageFile(i + ".jpg"))).toList();
        EpochPlan plan = EpochPlan.shuffle(samples, 1, 0, batch);
        AveragingRounds rounds = new AveragingRounds(plan, TrainingLabels.oneHot(7), workers, frequency);
        List<List<Integer>> out = new ArrayList<>();
        int next = 0;
        for (int r = 0; r < rounds.count(); r++) {
            List<Integer> perWorker = new ArrayList<>();
            for (WorkerShard shard : rounds.round(r)) {
                perWorker.add(shard.batches().size());
                for (var b : shard.batches()) {
                    assertEquals(next++, b.index(), "consecutive minibatches, none skipped");
                }
            }
            out.add(perWorker);
        }
        assertEquals(plan.batches(), next);
        return out;
    }

    @Test
    void fullRoundsGiveEveryWorkerTheFrequencyAndTheLastSpreadsTheRest() {
        // the default run: 2,800 faces, batch 32, 2 workers, frequency 5 -> 88 minibatches
        List<List<Integer>> rounds = layout(2800, 32, 2, 5);
        assertEquals(9, rounds.size());
        for (int r = 0; r < 8; r++) {
            assertEquals(List.of(5, 5), rounds.get(r));
        }
        assertEquals(List.of(4, 4), rounds.get(8));
        assertEquals(List.of(List.of(2, 1)), layout(12, 4, 2, 5), "3 minibatches over 2 workers");
        assertEquals(List.of(List.of(1)), layout(5, 8, 3, 2), "1 minibatch: the other workers sit out");
        assertEquals(List.of(List.of(2, 2, 2), List.of(1, 1)), layout(40, 5, 3, 2));
    }
}
