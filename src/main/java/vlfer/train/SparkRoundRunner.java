package vlfer.train;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import vlfer.data.TrainingBatches;

/**
 * Synchronous parameter averaging on Spark, driven by the project rather than DL4J's training
 * master: per round, broadcast the network's state, run one task per worker shard (each shard
 * holds exactly the minibatches planned for it, as descriptors), sum the workers' networks with
 * {@code treeReduce}, and set the weighted average on the driver's network. Nothing is persisted
 * and no RDD is split: a round costs its own minibatches plus one broadcast and one reduce.
 */
final class SparkRoundRunner implements RoundRunner {
    private final JavaSparkContext sc;
    private final TrainingBatches batches;
    private String configuration;

    SparkRoundRunner(JavaSparkContext sc, TrainingBatches batches) {
        this.sc = sc;
        this.batches = batches;
    }

    @Override
    public void startEpoch(ComputationGraph graph) {
        configuration = graph.getConfiguration().toJson();
    }

    /** With a local master the executors are this JVM: their cached networks go now, not at the next run. */
    @Override
    public void finish() {
        WorkerNetworks.dropAll();
    }

    @Override
    public RoundSum run(ComputationGraph graph, List<WorkerShard> shards) {
        NetworkState start = NetworkState.of(graph, configuration);
        Broadcast<NetworkState> state = sc.broadcast(start);
        try {
            RoundSum sum = sc.parallelize(shards, shards.size()).map(new ShardTask(state, batches)).treeReduce(RoundSum::merge);
            float[] params = sum.averageParams();
            if (params != null) {
                NetworkState.assign(graph, params, sum.averageUpdaterState());
                graph.getConfiguration().setIterationCount(start.iteration() + sum.steps());
            }
            return sum;
        } finally {
            state.destroy();
        }
    }
}
