package vlfer.train;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import vlfer.data.TrainingBatches;

/** Runs on an executor: fits one worker's shard from the broadcast state and returns its share of the round's sum. */
final class ShardTask implements Function<WorkerShard, RoundSum> {
    private final Broadcast<NetworkState> state;
    private final TrainingBatches batches;

    ShardTask(Broadcast<NetworkState> state, TrainingBatches batches) {
        this.state = state;
        this.batches = batches;
    }

    @Override
    public RoundSum call(WorkerShard shard) {
        GpuSupport.checkOnce();
        NetworkState start = state.value();
        ComputationGraph net = WorkerNetworks.borrow(start);
        try {
            start.applyTo(net);
            RoundSum sum = ShardFit.fit(net, shard.batches(), batches);
            sum.addNetwork(net.params().toFloatVector(), NetworkState.updaterStateOf(net));
            return sum;
        } finally {
            WorkerNetworks.giveBack(start, net);
        }
    }
}
