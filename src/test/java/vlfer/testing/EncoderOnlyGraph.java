package vlfer.testing;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import vlfer.model.encoder.EncoderArchitecture;
import vlfer.model.encoder.EncoderMetadata;

/** A graph holding only an encoder, its feature vector as output: what golden tensors are compared against. */
public final class EncoderOnlyGraph {
    private EncoderOnlyGraph() {
    }

    public static ComputationGraph of(EncoderArchitecture encoder, DataType type) {
        EncoderMetadata m = encoder.metadata();
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(1).dataType(type)
                .graphBuilder().addInputs("image");
        String features = encoder.addTo(g, "image");
        g.setOutputs(features);
        g.setInputTypes(InputType.convolutional(m.inputHeight(), m.inputWidth(), m.channels()));
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }
}
