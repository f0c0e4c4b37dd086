package vlfer.train;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Runs one averaging round: the workers fit their shards from the network's current state, which then becomes their average. */
interface RoundRunner {
    /** Called once per epoch, after the epoch's learning rates are set. */
    void startEpoch(ComputationGraph graph);

    RoundSum run(ComputationGraph graph, List<WorkerShard> shards);

    /** Called once training ends (or fails): lets go of what the rounds kept. */
    default void finish() {
    }
}
