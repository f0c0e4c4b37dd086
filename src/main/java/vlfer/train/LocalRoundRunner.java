package vlfer.train;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import vlfer.data.TrainingBatches;

/** One JVM, no Spark: the round's minibatches are fitted in order on the network itself. */
final class LocalRoundRunner implements RoundRunner {
    private final TrainingBatches batches;

    LocalRoundRunner(TrainingBatches batches) {
        this.batches = batches;
    }

    @Override
    public void startEpoch(ComputationGraph graph) {
    }

    @Override
    public RoundSum run(ComputationGraph graph, List<WorkerShard> shards) {
        return ShardFit.fit(graph, shards.stream().flatMap(s -> s.batches().stream()).toList(), batches);
    }
}
