package vlfer.train;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import vlfer.data.PlannedBatch;
import vlfer.data.TrainingBatches;

/**
 * The fit loop of one worker (or of local training): decode one planned minibatch, fit it, let it
 * go; memory stays one minibatch whatever the dataset's size. Shared by the Spark workers and the
 * local trainer, so the two can only differ in where the parameters are averaged.
 */
final class ShardFit {
    private ShardFit() {
    }

    static RoundSum fit(ComputationGraph net, List<PlannedBatch> batches, TrainingBatches maker) {
        RoundSum sum = new RoundSum();
        for (PlannedBatch planned : batches) {
            TrainingBatches.Decoded batch = maker.decode(planned);
            sum.addRejects(batch.rejects());
            if (batch.data() != null) {
                net.fit(batch.data());
                sum.addMinibatch(net.score(), batch.positions());
            }
        }
        return sum;
    }
}
