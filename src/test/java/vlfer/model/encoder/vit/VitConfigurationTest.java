package vlfer.model.encoder.vit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import vlfer.model.encoder.ClipVitEncoder;

/** Spark workers and saved models rebuild the network from JSON: the ViT layers must survive it unchanged. */
class VitConfigurationTest {
    @Test
    void survivesTheJsonRoundTrip() {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .graphBuilder().addInputs("image");
        String out = new ClipVitEncoder("vit", new VitShape(32, 8, 32, 2, 4, 16)).addTo(g, "image");
        g.setOutputs(out).setInputTypes(InputType.convolutional(32, 32, 3));
        ComputationGraphConfiguration conf = g.build();
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
        for (String layer : new String[] {"vit.embed", "vit.block0", "vit.block1", "vit.head"}) {
            assertEquals(conf.getVertices().get(layer), back.getVertices().get(layer), layer);
        }
        assertEquals(conf.toJson(), back.toJson());
    }
}
