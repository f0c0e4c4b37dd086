package vlfer.model.encoder.vit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import vlfer.model.encoder.ClipVitEncoder;
import vlfer.testing.GraphGradients;

/**
 * DL4J's finite-difference check of every ViT parameter's gradient (patch convolution, embedding,
 * two blocks, head), in double precision; it also guards the workaround in {@code HalvingSameDiffLayer}.
 */
@ExtendWith(GraphGradients.class)
class VitGradientTest {
    @Test
    void gradientsOfEveryParameterMatchFiniteDifferences() {
        VitShape shape = new VitShape(4, 2, 4, 2, 2, 3);
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .updater(new NoOp()).graphBuilder().addInputs("image");
        String features = new ClipVitEncoder("vit-grad", shape).addTo(g, "image");
        g.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(3)
                .activation(Activation.SOFTMAX).build(), features);
        g.setOutputs("out");
        g.setInputTypes(InputType.convolutional(4, 4, 3));
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 3, 4, 4);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 3, 3);
        for (int i = 0; i < 3; i++) {
            y.putScalar(i, i, 1.0);
        }
        assertTrue(GraphGradients.match(graph, x, y, 1e-8));
    }
}
