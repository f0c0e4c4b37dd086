package vlfer.model.encoder.swin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
import vlfer.model.encoder.SwinEncoder;
import vlfer.testing.GraphGradients;

/**
 * DL4J's finite-difference check of every Swin parameter's gradient, in double precision: patch
 * norm, a plain and a shifted block on a map padded to whole windows (5 to 8, window 4), patch
 * merging of an odd map, a block whose one window covers its padded map, and the head. It also
 * guards the workaround in {@code HalvingSameDiffLayer} for these layers. (DL4J's graph check has no
 * subset option, so the network is as small as covers those cases.)
 */
@ExtendWith(GraphGradients.class)
class SwinGradientTest {
    @Test
    void gradientsOfEveryParameterMatchFiniteDifferences() {
        SwinShape shape = new SwinShape(10, 2, 2, List.of(2, 1), List.of(1, 2), 4);
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .updater(new NoOp()).graphBuilder().addInputs("image");
        String features = new SwinEncoder("swin-grad", shape).addTo(g, "image");
        g.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(shape.outputDim()).nOut(3)
                .activation(Activation.SOFTMAX).build(), features);
        g.setOutputs("out");
        g.setInputTypes(InputType.convolutional(10, 10, 3));
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        // N(0, 0.02^2) weights make the attention almost uniform; larger ones exercise the softmax and the bias
        // table (much larger ones push the loss so high that finite differences lose their precision)
        graph.params().muli(4);
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 2, 3, 10, 10);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        y.putScalar(0, 0, 1.0);
        y.putScalar(1, 2, 1.0);
        assertTrue(GraphGradients.match(graph, x, y, 1e-7));
    }
}
