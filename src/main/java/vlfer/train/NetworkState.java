package vlfer.train;

import java.io.Serializable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The driver's network at the start of an averaging round, as broadcast to the workers: the
 * configuration (with this epoch's learning rates), the flat parameters, the flat updater state
 * (momentum) and the optimiser's iteration and epoch counters.
 */
public record NetworkState(String configuration, float[] params, float[] updaterState, int iteration, int epoch)
        implements Serializable {

    static NetworkState of(ComputationGraph graph, String configuration) {
        return new NetworkState(configuration, graph.params().toFloatVector(), updaterStateOf(graph),
                graph.getConfiguration().getIterationCount(), graph.getConfiguration().getEpochCount());
    }

    static float[] updaterStateOf(ComputationGraph graph) {
        INDArray state = graph.getUpdater(true).getStateViewArray();
        return state == null ? new float[0] : state.toFloatVector();
    }

    /** Puts parameters, updater state and counters into {@code net} (a worker's copy of the same configuration). */
    void applyTo(ComputationGraph net) {
        assign(net, params, updaterState);
        net.getConfiguration().setIterationCount(iteration);
        net.getConfiguration().setEpochCount(epoch);
    }

    static void assign(ComputationGraph net, float[] params, float[] updaterState) {
        INDArray p = net.params();
        if (p.length() != params.length) {
            throw new IllegalStateException("network has " + p.length() + " parameters, the state " + params.length);
        }
        p.assign(Nd4j.createFromArray(params).reshape(p.shape()));
        INDArray s = net.getUpdater(true).getStateViewArray();
        if (s != null) {
            if (s.length() != updaterState.length) {
                throw new IllegalStateException("updater holds " + s.length() + " values, the state " + updaterState.length);
            }
            s.assign(Nd4j.createFromArray(updaterState).reshape(s.shape()));
        }
    }
}
