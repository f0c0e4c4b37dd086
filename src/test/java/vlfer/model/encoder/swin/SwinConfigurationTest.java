package vlfer.model.encoder.swin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import vlfer.model.encoder.SwinEncoder;

/** Spark workers and saved models rebuild the network from JSON: the Swin layers must survive it unchanged. */
class SwinConfigurationTest {
    @Test
    void survivesTheJsonRoundTrip() {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .graphBuilder().addInputs("image");
        String out = new SwinEncoder("swin", new SwinShape(40, 4, 8, List.of(2, 1), List.of(1, 2), 7)).addTo(g, "image");
        g.setOutputs(out).setInputTypes(InputType.convolutional(40, 40, 3));
        ComputationGraphConfiguration conf = g.build();
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
        for (String layer : new String[] {"features.0.2", "features.1.0", "features.1.1", "features.2", "features.3.0", "norm"}) {
            assertEquals(conf.getVertices().get(layer), back.getVertices().get(layer), layer);
        }
        assertNotEquals(conf.getVertices().get("features.1.0"), conf.getVertices().get("features.1.1"), "plain and shifted differ");
        assertEquals(conf.toJson(), back.toJson());
    }
}
