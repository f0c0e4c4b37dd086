package vlfer.model.loss;

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
class Ke2ntLossLayerTest {
    private static final int D = 6;
    private static final int C = 4;
    private static final int NEUTRAL = 2;
    private static double[][] table(long seed) {
        return LossFixtures.gaussian(C, D, seed);
    }

    /** input [B, 5] -> dense(tanh) -> ke2nt layer. */
    private static ComputationGraph net(Ke2ntLossLayer layer, boolean trainable) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12345).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER)
                .updater(trainable ? new Sgd(0.1) : new NoOp())
                .graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(5).nOut(D).activation(Activation.TANH).build(), "in")
                .addLayer("ke2nt", layer, "dense")
                .setOutputs("ke2nt")
                .setInputTypes(InputType.feedForward(5))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    private static Ke2ntLossLayer layer(LcForm form, double s, double ls, double lt, double lc) {
        return Ke2ntLossLayer.builder().setTextEmbeddings(table(7)).setNeutralClass(NEUTRAL).setHidden(3)
                .setLogitScale(s).setWeights(ls, lt, lc).setLcForm(form).build();
    }

    private static INDArray oneHot(int... labels) {
        return LossFixtures.oneHot(C, labels);
    }

    @Test
    void gradientsMatchFiniteDifferencesForBothFormsAndAnEmptyM() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 5).subi(0.5);
        for (LcForm form : LcForm.values()) {
            for (double s : new double[]{5, 100}) {
                assertTrue(LossFixtures.gradientsOk(net(layer(form, s, 1, 1, 1), false), x, oneHot(0, 1, 2, 3, 2, 1)), form + " s=" + s);
            }
            // every sample neutral: M is empty, Lt = Lc = 0, and nothing may be NaN
            assertTrue(LossFixtures.gradientsOk(net(layer(form, 5, 1, 1, 1), false), x, oneHot(2, 2, 2, 2, 2, 2)), form + " all neutral");
        }
    }

    /** The hand-written layer gives the SameDiff graph's logits, loss and gradients, for both forms. */
    @Test
    void handWrittenPassesEqualTheSameDiffGraph() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 7, 5).subi(0.5);
        INDArray y = oneHot(0, 1, 2, 3, 2, 1, 3);
        for (LcForm form : LcForm.values()) {
            ComputationGraph g = net(layer(form, 30, 1, 0.5, 2), false);
            g.initGradientsView();
            org.deeplearning4j.nn.api.Layer fast = g.getLayer("ke2nt");
            assertTrue(fast instanceof Ke2ntLoss, "ke2nt runs without SameDiff");
            org.deeplearning4j.nn.conf.NeuralNetConfiguration conf = fast.conf();
            var graph = new org.deeplearning4j.nn.layers.samediff.SameDiffOutputLayer(conf, DataType.DOUBLE);
            INDArray view = fast.params().dup();
            graph.setParamsViewArray(view);
            graph.setParamTable(conf.getLayer().initializer().init(conf, view, false));
            graph.setBackpropGradientsViewArray(Nd4j.zeros(DataType.DOUBLE, view.shape()));
            graph.setConf(conf);
            INDArray e = g.feedForward(x, false).get("dense");
            var mgr = org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
            for (org.deeplearning4j.nn.api.Layer l : java.util.List.of(fast, graph)) {
                l.setInput(e, mgr);
                ((org.deeplearning4j.nn.api.layers.IOutputLayer) l).setLabels(y);
            }
            assertEquals(graph.activate(false, mgr), fast.activate(false, mgr), form + " logits");
            assertEquals(((org.deeplearning4j.nn.api.layers.IOutputLayer) graph).computeScore(0.3, true, mgr),
                    ((org.deeplearning4j.nn.api.layers.IOutputLayer) fast).computeScore(0.3, true, mgr), 1e-12, form + " score");
            var expected = graph.backpropGradient(null, mgr);
            var actual = fast.backpropGradient(null, mgr);
            assertTrue(expected.getSecond().equalsWithEps(actual.getSecond(), 1e-10), form + " input gradient");
            for (String k : new String[]{"W1", "b1", "W2", "b2"}) {
                assertTrue(expected.getFirst().getGradientFor(k).equalsWithEps(actual.getFirst().getGradientFor(k), 1e-10),
                        form + " gradient of " + k);
            }
        }
    }

    @Test
    void scoreEqualsTheIndependentReference() {
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 5).subi(0.5);
        int[] labels = {0, 1, 2, 3, 1};
        double[][] weights = {{1, 1, 1}, {0.5, 2, 0.25}, {1, 0, 0}};
        for (LcForm form : LcForm.values()) {
            for (double[] w : weights) {
                ComputationGraph g = net(layer(form, 30, w[0], w[1], w[2]), false);
                double score = g.score(new MultiDataSet(x, oneHot(labels)));
                double expected = reference(g, x, labels, form, 30, w);
                assertEquals(expected, score, 1e-7, form + " weights " + java.util.Arrays.toString(w));
            }
            ComputationGraph g = net(layer(form, 30, 1, 1, 1), false);
            int[] neutralOnly = {2, 2};
            INDArray x2 = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2), org.nd4j.linalg.indexing.NDArrayIndex.all());
            assertEquals(reference(g, x2, neutralOnly, form, 30, weights[0]), g.score(new MultiDataSet(x2, oneHot(neutralOnly))), 1e-7);
        }
    }

    private static double reference(ComputationGraph g, INDArray x, int[] labels, LcForm form, double s, double[] w) {
        double[][] e = g.feedForward(x, false).get("dense").toDoubleMatrix();
        java.util.Map<String, INDArray> p = g.getLayer("ke2nt").paramTable();
        return Ke2ntLossReference.loss(e, labels, table(7), NEUTRAL, p.get("W1").toDoubleMatrix(), p.get("b1").toDoubleVector(),
                p.get("W2").toDoubleMatrix(), p.get("b2").toDoubleVector(), s, w[0], w[1], w[2], form);
    }

    @Test
    void outputIsScaledCosineLogits() {
        ComputationGraph g = net(layer(LcForm.PAIRWISE, 100, 1, 1, 1), false);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 5);
        double[][] e = g.feedForward(x, false).get("dense").toDoubleMatrix();
        double[][] z = g.outputSingle(x).toDoubleMatrix();
        double[][] t = table(7);
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < C; c++) {
                double dot = 0, ne = 0, nt = 0;
                for (int d = 0; d < D; d++) {
                    dot += e[i][d] * t[c][d];
                    ne += e[i][d] * e[i][d];
                    nt += t[c][d] * t[c][d];
                }
                assertEquals(100 * dot / Math.sqrt(ne * nt), z[i][c], 1e-6);
            }
        }
    }

    @Test
    void survivesJsonAndModelFileRoundTrips() throws Exception {
        ComputationGraph g = net(layer(LcForm.DIAGONAL, 50, 1, 0.5, 2), true);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 5);
        INDArray before = g.outputSingle(x);
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(g.getConfiguration().toJson());
        assertEquals(g.getConfiguration(), back);
        ComputationGraph fromJson = new ComputationGraph(back);
        fromJson.init(g.params().dup(), false);
        assertEquals(0, before.sub(fromJson.outputSingle(x)).amaxNumber().doubleValue(), 1e-12);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(g, bytes, true);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertEquals(0, before.sub(loaded.outputSingle(x)).amaxNumber().doubleValue(), 1e-12);
        assertEquals(g.score(new MultiDataSet(x, oneHot(0, 1, 2, 3))), loaded.score(new MultiDataSet(x, oneHot(0, 1, 2, 3))), 1e-12);
    }

    @Test
    void equalityFollowsTheLossSettings() {
        Ke2ntLossLayer a = layer(LcForm.PAIRWISE, 30, 1, 1, 1);
        assertEquals(a, layer(LcForm.PAIRWISE, 30, 1, 1, 1));
        assertEquals(a.hashCode(), layer(LcForm.PAIRWISE, 30, 1, 1, 1).hashCode());
        assertTrue(!a.equals(layer(LcForm.DIAGONAL, 30, 1, 1, 1)));
        assertTrue(!a.equals(layer(LcForm.PAIRWISE, 31, 1, 1, 1)));
        assertTrue(!a.equals(Ke2ntLossLayer.builder().setTextEmbeddings(table(8)).setNeutralClass(NEUTRAL).setHidden(3)
                .setLogitScale(30).setWeights(1, 1, 1).setLcForm(LcForm.PAIRWISE).build()));
    }

    @Test
    void trainingLowersTheLoss() {
        ComputationGraph g = net(layer(LcForm.PAIRWISE, 10, 1, 1, 1), true);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 16, 5).subi(0.5);
        int[] labels = new int[16];
        for (int i = 0; i < 16; i++) {
            labels[i] = x.getDouble(i, 0) > 0 ? (x.getDouble(i, 1) > 0 ? 0 : 1) : (x.getDouble(i, 1) > 0 ? 2 : 3);
        }
        MultiDataSet data = new MultiDataSet(x, oneHot(labels));
        double first = g.score(data);
        for (int i = 0; i < 200; i++) {
            g.fit(data);
        }
        assertTrue(g.score(data) < first * 0.7, "loss " + first + " -> " + g.score(data));
    }

    @Test
    void builderRejectsMissingPieces() {
        assertThrows(IllegalArgumentException.class, () -> Ke2ntLossLayer.builder().setNeutralClass(0).build());
        assertThrows(IllegalArgumentException.class, () -> Ke2ntLossLayer.builder().setTextEmbeddings(table(1)).build());
    }
}
