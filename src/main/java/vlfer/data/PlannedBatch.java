package vlfer.data;

import java.io.Serializable;
import java.util.List;

/**
 * One minibatch of an {@link EpochPlan} as it travels to a worker: which faces, where they start
 * in the epoch's order, and their labels. A few hundred bytes per face, never pixels: the worker
 * decodes it ({@link TrainingBatches}) right before fitting it.
 */
public record PlannedBatch(int epoch, int index, int firstPosition, List<FaceSample> samples, TrainingLabels labels)
        implements Serializable {
}
