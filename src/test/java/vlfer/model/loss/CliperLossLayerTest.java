package vlfer.model.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;

@org.junit.jupiter.api.extension.ExtendWith(LossFixtures.class)
class CliperLossLayerTest {
    private static final int D = 6;
    private static final int C = 3;
    private static final int K = 3;
    private static double[][] descriptors(long seed) {
        return LossFixtures.gaussian(C * K, D, seed);
    }

    /** input [B, 5] -> dense(tanh) -> cliper layer. */
    private static ComputationGraph net(double temperature, boolean trainable) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12345).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER)
                .updater(trainable ? new Sgd(0.05) : new NoOp())
                .graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(5).nOut(D).activation(Activation.TANH).build(), "in")
                .addLayer("cliper", new CliperLossLayer(descriptors(3), C, K, temperature), "dense")
                .setOutputs("cliper")
                .setInputTypes(InputType.feedForward(5))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    private static INDArray oneHot(int... labels) {
        return LossFixtures.oneHot(C, labels);
    }

    private static double[][] features(ComputationGraph g, INDArray x) {
        return g.feedForward(x, false).get("dense").toDoubleMatrix();
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 7, 5).subi(0.5);
        for (double t : new double[]{0.5, 0.05}) {
            // class 2 absent from the second batch: its counts are all zero
            for (int[] labels : new int[][]{{0, 1, 2, 0, 1, 2, 0}, {0, 0, 1, 1, 0, 1, 0}}) {
                assertTrue(LossFixtures.gradientsOk(net(t, false), x, oneHot(labels)), "temperature " + t + " labels " + java.util.Arrays.toString(labels));
            }
        }
    }

    @Test
    void scoreEqualsTheIndependentReference() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 9, 5).subi(0.5);
        for (int[] labels : new int[][]{{0, 1, 2, 0, 1, 2, 0, 1, 2}, {1, 1, 1, 1, 0, 0, 2, 1, 1}, {2, 2, 2, 2, 2, 2, 2, 2, 2}}) {
            for (double t : new double[]{1, 0.1, 0.01}) {
                ComputationGraph g = net(t, false);
                double expected = CliperLossReference.loss(features(g, x), labels, descriptors(3), C, K, t);
                assertEquals(expected, g.score(new MultiDataSet(x, oneHot(labels))), 1e-8 * Math.max(1, Math.abs(expected)),
                        "temperature " + t + " labels " + java.util.Arrays.toString(labels));
            }
        }
    }

    @Test
    void alphaFollowsTheReleasedCodeWhenAClassPicksOneDescriptor() {
        // released code: weight_t = where(weight_t == 0, -1/99, weight_t); alpha = sum(weight_t[y]) *
        // softmax(1 / weight_t[y])[k*] / weight_t[y, k*]. Counts (4, 0, 0): m = (4, -1/99, -1/99).
        double expected = (4 - 2.0 / 99) * (Math.exp(0.25) / (Math.exp(0.25) + 2 * Math.exp(-99))) / 4;
        assertEquals(expected, CliperLossReference.alpha(new int[]{4, 0, 0}, 0), 1e-15);
        assertTrue(Math.abs(expected - 1) > 1e-3 && Math.abs(expected - 1) < 1e-2, "close to, not exactly, 1: " + expected);
        assertEquals(1.0, CliperLossReference.alpha(new int[]{2, 2, 2}, 1), 1e-12, "uniform usage");
        // one face per class: every class's faces all pick the same descriptor
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 5).subi(0.5);
        for (double t : new double[]{1, 0.05}) {
            ComputationGraph g = net(t, false);
            int[] labels = {0, 1, 2};
            double ref = CliperLossReference.loss(features(g, x), labels, descriptors(3), C, K, t);
            assertEquals(ref, g.score(new MultiDataSet(x, oneHot(labels))), 1e-8 * Math.max(1, Math.abs(ref)), "temperature " + t);
        }
    }

    @Test
    void outputIsTheMeanScoreOverAClassDescriptors() {
        ComputationGraph g = net(0.01, false);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 5).subi(0.5);
        double[][] expected = CliperLossReference.classScores(features(g, x), descriptors(3), C, K, 0.01);
        double[][] out = g.outputSingle(false, x).toDoubleMatrix();
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], out[i], 1e-8);
        }
    }

    @Test
    void survivesJsonAndModelFileRoundTrips() throws Exception {
        ComputationGraph g = net(0.05, true);
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(g.getConfiguration().toJson());
        assertEquals(g.getConfiguration(), back);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(g, bytes, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), true);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 5);
        assertEquals(g.outputSingle(false, x), restored.outputSingle(false, x));
    }

    @Test
    void trainingLowersTheLoss() {
        ComputationGraph g = net(0.1, true);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 12, 5).subi(0.5);
        MultiDataSet batch = new MultiDataSet(x, oneHot(0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2));
        double before = g.score(batch);
        for (int i = 0; i < 60; i++) {
            g.fit(batch);
        }
        assertTrue(g.score(batch) < before * 0.7, "loss " + before + " -> " + g.score(batch));
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThrows(IllegalArgumentException.class, () -> new CliperLossLayer(descriptors(1), C, K + 1, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new CliperLossLayer(descriptors(1), C, K, 0));
        // one descriptor per class is not cliper (and ND4J's reductions fail on the size-1 axis)
        assertThrows(IllegalArgumentException.class, () -> new CliperLossLayer(LossFixtures.gaussian(C, D, 1), C, 1, 0.01));
    }
}
