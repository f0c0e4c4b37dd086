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
import vlfer.testing.PromptLogitsReference;

@org.junit.jupiter.api.extension.ExtendWith(LossFixtures.class)
class InfoNceLossLayerTest {
    private static final int F = 5;
    private static final int D = 4;
    private static final int C = 3;
    private static final int[] PROMPT_CLASS = {0, 0, 1, 2, 2, 2};

    /** input [B, 6] -> dense(tanh, F) -> expclip layer (projection F -> D). */
    private static ComputationGraph net(double scale, boolean trainable) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER)
                .updater(trainable ? new Sgd(0.1) : new NoOp())
                .graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(6).nOut(F).activation(Activation.TANH).build(), "in")
                .addLayer("expclip", new InfoNceLossLayer(F, LossFixtures.gaussian(PROMPT_CLASS.length, D, 2), PROMPT_CLASS, C, scale), "dense")
                .setOutputs("expclip")
                .setInputTypes(InputType.feedForward(6))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    private static double[][] projected(ComputationGraph g, INDArray x) {
        INDArray f = g.feedForward(x, false).get("dense");
        return f.mmul(g.getLayer("expclip").getParam(InfoNceLossLayer.PROJECTION)).toDoubleMatrix();
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 6).subi(0.5);
        INDArray h = Nd4j.create(LossFixtures.gaussian(6, D, 9));
        for (double s : new double[]{1, 10}) {
            assertTrue(LossFixtures.gradientsOk(net(s, false), x, h), "scale " + s);
        }
    }

    @Test
    void scoreIsTheSymmetricInfoNceOfTheBatch() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 6).subi(0.5);
        double[][] h = LossFixtures.gaussian(5, D, 4);
        for (double s : new double[]{1, 30, 100}) {
            ComputationGraph g = net(s, false);
            double[][] v = projected(g, x);
            double expected = reference(v, h, s);
            double score = g.score(new MultiDataSet(x, Nd4j.create(h)));
            assertEquals(expected, score, 1e-8 * Math.max(1, expected), "scale " + s);
        }
    }

    /** mean over i of (CE(row i of S, i) + CE(column i of S, i)) / 2, S = s * PromptLogitsReference.cos(v_i, h_j). */
    private static double reference(double[][] v, double[][] h, double s) {
        int n = v.length;
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sim[i][j] = s * PromptLogitsReference.cos(v[i], h[j]);
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            double col = 0;
            for (int j = 0; j < n; j++) {
                row += Math.exp(sim[i][j]);
                col += Math.exp(sim[j][i]);
            }
            total += (Math.log(row) - sim[i][i] + Math.log(col) - sim[i][i]) / 2;
        }
        return total / n;
    }

    @Test
    void outputAveragesTheLogitsOfEachClassPrompts() {
        ComputationGraph g = net(100, false);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 6).subi(0.5);
        double[][] v = projected(g, x);
        double[][] prompts = LossFixtures.gaussian(PROMPT_CLASS.length, D, 2);
        double[][] out = g.outputSingle(false, x).toDoubleMatrix();
        for (int i = 0; i < v.length; i++) {
            assertArrayEquals(PromptLogitsReference.classLogits(v[i], prompts, PROMPT_CLASS, C, 100), out[i], 1e-8);
        }
    }

    @Test
    void survivesJsonAndModelFileRoundTrips() throws Exception {
        ComputationGraph g = net(50, true);
        assertEquals(g.getConfiguration(), ComputationGraphConfiguration.fromJson(g.getConfiguration().toJson()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(g, bytes, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), true);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 6);
        assertEquals(g.outputSingle(false, x), restored.outputSingle(false, x));
    }

    @Test
    void trainingPairsEachFaceWithItsOwnTarget() {
        ComputationGraph g = net(10, true);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 8, 6).subi(0.5);
        MultiDataSet batch = new MultiDataSet(x, Nd4j.create(LossFixtures.gaussian(8, D, 11)));
        double before = g.score(batch);
        for (int i = 0; i < 200; i++) {
            g.fit(batch);
        }
        assertTrue(g.score(batch) < before * 0.5, "loss " + before + " -> " + g.score(batch));
    }

    @Test
    void everyClassNeedsAPrompt() {
        assertThrows(IllegalArgumentException.class, () -> new InfoNceLossLayer(F, LossFixtures.gaussian(2, D, 1), new int[]{0, 0}, 2, 10));
    }

    /** Shared-space mode, targets of width T (another model's): input [B, 6] -> dense(tanh, D) -> projection D -> T of both sides. */
    private static final int T = 7;

    private static ComputationGraph sharedNet(double scale) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).updater(new NoOp())
                .graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(6).nOut(D).activation(Activation.TANH).build(), "in")
                .addLayer("expclip", new InfoNceLossLayer(D, LossFixtures.gaussian(PROMPT_CLASS.length, D, 2), PROMPT_CLASS, C,
                        scale, true, T), "dense")
                .setOutputs("expclip")
                .setInputTypes(InputType.feedForward(6))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    @Test
    void sharedSpaceProjectsThePromptsWithTheSameMatrix() {
        ComputationGraph g = sharedNet(100);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 6).subi(0.5);
        INDArray w = g.getLayer("expclip").getParam(InfoNceLossLayer.PROJECTION);
        double[][] v = g.feedForward(x, false).get("dense").mmul(w).toDoubleMatrix();
        double[][] prompts = Nd4j.create(LossFixtures.gaussian(PROMPT_CLASS.length, D, 2)).mmul(w).toDoubleMatrix();
        double[][] out = g.outputSingle(false, x).toDoubleMatrix();
        for (int i = 0; i < v.length; i++) {
            assertArrayEquals(PromptLogitsReference.classLogits(v[i], prompts, PROMPT_CLASS, C, 100), out[i], 1e-8);
        }
        INDArray x6 = Nd4j.rand(DataType.DOUBLE, 6, 6).subi(0.5);
        double[][] h = LossFixtures.gaussian(6, T, 9);
        assertTrue(LossFixtures.gradientsOk(sharedNet(10), x6, Nd4j.create(h)));
        ComputationGraph g10 = sharedNet(10);
        double[][] v6 = g10.feedForward(x6, false).get("dense").mmul(g10.getLayer("expclip").getParam(InfoNceLossLayer.PROJECTION))
                .toDoubleMatrix();
        assertEquals(reference(v6, h, 10), g10.score(new MultiDataSet(x6, Nd4j.create(h))), 1e-8);
        assertEquals(g.getConfiguration(), ComputationGraphConfiguration.fromJson(g.getConfiguration().toJson()));
    }

    @Test
    void imageToTextNeedsTargetsInTheTextSpace() {
        String msg = assertThrows(IllegalArgumentException.class, () -> new InfoNceLossLayer(F,
                LossFixtures.gaussian(2, D, 1), new int[]{0, 1}, 2, 10, false, 4096)).getMessage();
        assertTrue(msg.contains("the targets must have 4 values, not 4096") && msg.contains("mode = shared-space"), msg);
    }

    @Test
    void sharedSpaceNeedsEqualImageAndTextWidths() {
        String msg = assertThrows(IllegalArgumentException.class, () -> new InfoNceLossLayer(F,
                LossFixtures.gaussian(2, D, 1), new int[]{0, 1}, 2, 10, true, D)).getMessage();
        assertTrue(msg.contains("feature width (5) to equal the text encoder's (4)"), msg);
    }
}
