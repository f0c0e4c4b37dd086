package vlfer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which one epoch visits the training faces: a permutation seeded by (seed, epoch)
 * only, cut into consecutive minibatches of {@code batchSize} (the last one may be shorter). Every
 * face sits in exactly one minibatch, so fitting every minibatch once fits every face once. A lone
 * last face joins the minibatch before it (of {@code batchSize + 1}): DL4J's SameDiff loss layers
 * fail to backpropagate a minibatch of one.
 * Held on the driver: references to the samples, never pixels.
 */
public final class EpochPlan {
    private static final long SHUFFLE = 0x5AFF1EL;

    private final int epoch;
    private final int batchSize;
    private final List<FaceSample> order;

    private EpochPlan(int epoch, int batchSize, List<FaceSample> order) {
        this.epoch = epoch;
        this.batchSize = batchSize;
        this.order = order;
    }

    /** A Fisher-Yates shuffle of {@code samples} by {@code Seeds.derive(seed, epoch)}. */
    public static EpochPlan shuffle(List<FaceSample> samples, long seed, int epoch, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        List<FaceSample> order = new ArrayList<>(samples);
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, epoch, SHUFFLE));
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            order.set(j, order.set(i, order.get(j)));
        }
        return new EpochPlan(epoch, batchSize, order);
    }

    public int epoch() {
        return epoch;
    }

    public int faces() {
        return order.size();
    }

    public int batches() {
        int n = order.size();
        return n > batchSize && n % batchSize == 1 ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The face at a position of this epoch's order (positions are what the workers report back). */
    public FaceSample at(int position) {
        return order.get(position);
    }

    /** Minibatch {@code index}, carrying the labels of its own faces only. */
    public PlannedBatch batch(int index, TrainingLabels labels) {
        if (index < 0 || index >= batches()) {
            throw new IndexOutOfBoundsException("batch " + index + " of " + batches());
        }
        int first = index * batchSize;
        int end = index == batches() - 1 ? order.size() : first + batchSize;
        List<FaceSample> faces = new ArrayList<>(order.subList(first, end));
        return new PlannedBatch(epoch, index, first, faces, labels.forBatch(faces));
    }
}
