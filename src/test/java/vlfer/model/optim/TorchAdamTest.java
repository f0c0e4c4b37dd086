package vlfer.model.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import vlfer.config.TrainSettings;

/**
 * Three steps of vlfer's adam and adamw on a tiny linear model equal PyTorch's Adam and AdamW
 * (lr 0.01, betas 0.9/0.999, eps 1e-4, weight decay 0.1, mean squared error). The expected
 * parameters come from {@code jobs/adamw-reference.py} (PyTorch 1.13, Debian's python3-torch).
 */
class TorchAdamTest {
    private static final double[][] X = {{0.5, -1.0, 2.0}, {1.5, 0.25, -0.5}, {-1.0, 0.75, 0.5}, {0.2, -0.3, 1.1}};
    private static final double[][] Y = {{1.0, -0.5}, {0.3, 0.8}, {-0.7, 0.2}, {0.5, 0.5}};
    private static final double[][] W0 = {{0.1, -0.2, 0.3}, {0.05, 0.4, -0.1}}; // [out, in], as torch.nn.Linear

    private static Map<String, double[]> reference() throws IOException {
        Map<String, double[]> out = new HashMap<>();
        try (var in = TorchAdamTest.class.getResourceAsStream("adam-reference.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] p = line.trim().split(" ");
                if (p.length > 2) {
                    out.put(p[0] + " " + p[1], Arrays.stream(p, 2, p.length).mapToDouble(Double::parseDouble).toArray());
                }
            }
        }
        return out;
    }

    private static TrainSettings settings(TrainSettings.Optimizer optimizer) {
        return new TrainSettings(3, 4, 1, 1, 0.01, 0.9, 0.1, 0, 0.01, 0, optimizer, 0.9, 0.999, 1e-4, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adamw", "adam"})
    void threeStepsEqualPyTorch(String name) throws IOException {
        TrainSettings t = settings(TrainSettings.Optimizer.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
        ComputationGraphConfiguration conf = Optimizers.apply(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE), t)
                .graphBuilder().addInputs("in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(3).nOut(2)
                        .activation(Activation.IDENTITY).build(), "in")
                .setOutputs("out").build();
        Optimizers.deduplicated(conf);
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        INDArray w = Nd4j.create(W0).transpose(); // DL4J: [in, out]
        g.getLayer("out").setParam("W", w);
        g.getLayer("out").setParam("b", Nd4j.create(new double[][]{{0.01, -0.02}}));
        INDArray x = Nd4j.create(X);
        INDArray y = Nd4j.create(Y);
        for (int step = 0; step < 3; step++) {
            g.fit(new INDArray[]{x}, new INDArray[]{y});
        }
        Map<String, double[]> ref = reference();
        double[] weight = g.getLayer("out").getParam("W").transpose().dup('c').data().asDouble();
        assertArrayEquals(ref.get(name + " weight"), weight, 1e-10, name + " weights after 3 steps");
        assertArrayEquals(ref.get(name + " bias"), g.getLayer("out").getParam("b").dup('c').data().asDouble(), 1e-10,
                name + " biases after 3 steps");
        assertEquals(3, g.getConfiguration().getIterationCount());
        ComputationGraph restored = new ComputationGraph(ComputationGraphConfiguration.fromJson(conf.toJson()));
        assertEquals(conf.toJson(), restored.getConfiguration().toJson(), "TorchAdam survives the JSON workers rebuild from");
        assertEquals(List.of(TorchAdamUpdater.M, TorchAdamUpdater.V),
                List.copyOf(new TorchAdam(0.1, 0.9, 0.999, 1e-8).instantiate(Nd4j.zeros(DataType.DOUBLE, 1, 8), true).getState().keySet()));
    }
}
