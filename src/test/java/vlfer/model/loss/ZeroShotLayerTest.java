package vlfer.model.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import vlfer.testing.PromptLogitsReference;

@org.junit.jupiter.api.extension.ExtendWith(LossFixtures.class)
class ZeroShotLayerTest {
    private static final int D = 4;
    private static final int C = 3;
    private static final int[] PROMPT_CLASS = {0, 1, 1, 2, 2, 2};
    private static final double[][] PROMPTS = LossFixtures.gaussian(PROMPT_CLASS.length, D, 5);

    private static ComputationGraph net() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER).updater(new NoOp()).graphBuilder().addInputs("in")
                .addLayer("image", new DenseLayer.Builder().nIn(6).nOut(D).activation(Activation.TANH).build(), "in")
                .addLayer("zeroshot", new ZeroShotLayer(D, PROMPTS, PROMPT_CLASS, C, 100), "image")
                .setOutputs("zeroshot").setInputTypes(InputType.feedForward(6)).build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    @Test
    void logitsAreThePerClassMeanOfScaledCosinesAndTheScoreTheirCrossEntropy() {
        ComputationGraph g = net();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 6).subi(0.5);
        double[][] f = g.feedForward(x, false).get("image").toDoubleMatrix();
        double[][] out = g.outputSingle(false, x).toDoubleMatrix();
        double ce = 0;
        for (int i = 0; i < f.length; i++) {
            double[] expected = PromptLogitsReference.classLogits(f[i], PROMPTS, PROMPT_CLASS, C, 100);
            double sumExp = 0;
            for (double z : expected) {
                sumExp += Math.exp(z);
            }
            assertArrayEquals(expected, out[i], 1e-8);
            ce += Math.log(sumExp) - expected[i % C];
        }
        assertEquals(ce / f.length, g.score(new MultiDataSet(x, LossFixtures.oneHot(C, 0, 1, 2))), 1e-8);
        assertEquals(g.getLayer("image").numParams(), g.numParams(), "the zero-shot head has no parameters");
    }

    @Test
    void survivesTheJsonRoundTrip() {
        ComputationGraph g = net();
        assertEquals(g.getConfiguration(), ComputationGraphConfiguration.fromJson(g.getConfiguration().toJson()));
    }

    @Test
    void imageAndTextWidthsMustAgree() {
        String msg = assertThrows(IllegalArgumentException.class,
                () -> new ZeroShotLayer(D + 1, PROMPTS, PROMPT_CLASS, C, 100)).getMessage();
        assertTrue(msg.contains("image encoder gives 5 values and the text encoder 4"), msg);
    }
}
