package vlfer.train;

import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Fits a network, epoch by epoch; it never computes metrics. */
public interface Trainer {
    /**
     * Fits epochs {@code firstEpoch .. epochs-1} (0-based) in place; {@code afterEpoch} runs on the
     * calling thread after each epoch (to checkpoint), with what the epoch really trained.
     */
    void fit(ComputationGraph graph, TrainingData data, int firstEpoch, Consumer<EpochReport> afterEpoch);
}
