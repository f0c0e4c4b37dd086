package vlfer.train;

import java.util.ArrayList;
import java.util.List;
import vlfer.data.EpochPlan;
import vlfer.data.PlannedBatch;
import vlfer.data.TrainingLabels;

/**
 * Cuts an epoch's minibatches into averaging rounds: each round hands {@code workers} workers
 * {@code frequency} consecutive minibatches each. The last round holds whatever is left, spread as
 * evenly as possible (workers with nothing to fit sit it out), so no minibatch is ever skipped.
 */
public final class AveragingRounds {
    private final EpochPlan plan;
    private final TrainingLabels labels;
    private final int workers;
    private final int frequency;

    public AveragingRounds(EpochPlan plan, TrainingLabels labels, int workers, int frequency) {
        if (workers < 1 || frequency < 1) {
            throw new IllegalArgumentException("workers and averaging frequency must be at least 1 (" + workers + ", "
                    + frequency + ")");
        }
        this.plan = plan;
        this.labels = labels;
        this.workers = workers;
        this.frequency = frequency;
    }

    public int count() {
        int perRound = workers * frequency;
        return (plan.batches() + perRound - 1) / perRound;
    }

    /** The shards of round {@code r}, built when asked for (one round's faces at a time). */
    public List<WorkerShard> round(int r) {
        int first = r * workers * frequency;
        int inRound = Math.min(plan.batches() - first, workers * frequency);
        if (r < 0 || inRound <= 0) {
            throw new IndexOutOfBoundsException("round " + r + " of " + count());
        }
        List<WorkerShard> shards = new ArrayList<>(workers);
        int next = first;
        for (int w = 0; w < workers; w++) {
            int n = inRound / workers + (w < inRound % workers ? 1 : 0);
            if (n == 0) {
                break;
            }
            List<PlannedBatch> batches = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batches.add(plan.batch(next++, labels));
            }
            shards.add(new WorkerShard(w, batches));
        }
        return shards;
    }
}
