package vlfer.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import vlfer.model.ModelCard;

/** A network restored from a checkpoint file, with its card. */
public record Checkpoint(String path, ComputationGraph graph, ModelCard card) {
}
