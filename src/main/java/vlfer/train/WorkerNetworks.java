package vlfer.train;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * An executor's networks, kept across averaging rounds so that a round costs one parameter copy,
 * not a network build. One network per concurrent task, keyed by the configuration it was built
 * from; a new configuration (the next epoch's learning rates, another run) drops the old ones.
 */
final class WorkerNetworks {
    private static final Map<String, Queue<ComputationGraph>> IDLE = new ConcurrentHashMap<>();

    private WorkerNetworks() {
    }

    static ComputationGraph borrow(NetworkState state) {
        IDLE.keySet().removeIf(k -> !k.equals(state.configuration()));
        Queue<ComputationGraph> idle = IDLE.get(state.configuration());
        ComputationGraph net = idle == null ? null : idle.poll();
        if (net == null) {
            net = new ComputationGraph(ComputationGraphConfiguration.fromJson(state.configuration()));
            net.init(org.nd4j.linalg.factory.Nd4j.createFromArray(state.params()).reshape(1, state.params().length), false);
        }
        return net;
    }

    static void dropAll() {
        IDLE.clear();
    }

    static void giveBack(NetworkState state, ComputationGraph net) {
        IDLE.computeIfAbsent(state.configuration(), k -> new ConcurrentLinkedQueue<>()).add(net);
    }
}
