package vlfer.model.encoder;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** A visual encoder: adds its layers to a graph and says where its feature vector comes out. */
public interface EncoderArchitecture {
    EncoderMetadata metadata();

    /**
     * Adds the encoder reading from vertex {@code input} (images of InputType.convolutional(h, w, c),
     * NCHW) and returns the name of the vertex that outputs a [batch, featureWidth] vector.
     */
    String addTo(ComputationGraphConfiguration.GraphBuilder graph, String input);

    /** Sets pretrained weights in a freshly initialised graph; encoders trained from scratch keep their initialisation. */
    default void loadPretrained(ComputationGraph graph) {
    }

    /**
     * Where each tensor of this encoder's PyTorch state dict goes ({@code vlfer.model.weights});
     * empty when the encoder has no PyTorch counterpart.
     */
    default List<TorchParam> stateDictLayout() {
        return List.of();
    }
}
