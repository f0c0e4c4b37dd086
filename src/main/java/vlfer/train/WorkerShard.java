package vlfer.train;

import java.io.Serializable;
import java.util.List;
import vlfer.data.PlannedBatch;

/** The consecutive minibatches one worker fits in one averaging round. */
public record WorkerShard(int worker, List<PlannedBatch> batches) implements Serializable {
}
