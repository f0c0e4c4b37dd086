package vlfer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Per-layer rates on a network whose layers DL4J first put into one update block. */
class LearningRatesTest {
    private static ComputationGraph net() {
        return net(new Nesterovs(0.1, 0.9));
    }

    private static ComputationGraph net(org.nd4j.linalg.learning.config.IUpdater updater) {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(updater).graphBuilder().addInputs("in")
                .addLayer("a", new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build(), "in")
                .addLayer("b", new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build(), "a")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "b")
                .setOutputs("out").setInputTypes(InputType.feedForward(4)).build());
        g.init();
        return g;
    }

    private static MultiDataSet batch() {
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, i % 3, 1);
        }
        return new MultiDataSet(Nd4j.rand(DataType.FLOAT, 6, 4), y);
    }

    @Test
    void aLayerAtRateZeroStaysPutWhileTheOthersKeepTheirMomentum() {
        ComputationGraph g = net();
        MultiDataSet data = batch();
        g.fit(data);
        g.fit(data);
        assertEquals(1, g.getUpdater().getUpdaterBlocks().size(), "DL4J starts with one block for all three layers");
        INDArray momentumBefore = g.getUpdater().getStateViewArray().dup();

        LearningRates.set(g, layer -> layer.equals("a") ? 0 : 0.1);
        assertTrue(g.getUpdater().getUpdaterBlocks().size() >= 2, "the block is cut where the rates differ");
        INDArray momentumAfter = g.getUpdater().getStateViewArray();
        long aParams = g.getLayer("a").numParams();
        assertEquals(0.0, momentumAfter.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, aParams)).amaxNumber().doubleValue(),
                "layer a's momentum cleared");
        assertEquals(momentumBefore.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(aParams, momentumBefore.length())),
                momentumAfter.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(aParams, momentumAfter.length())),
                "the other layers' momentum kept");

        INDArray a = g.getLayer("a").params().dup();
        INDArray b = g.getLayer("b").params().dup();
        g.fit(data);
        g.fit(data);
        assertEquals(a, g.getLayer("a").params(), "layer a frozen");
        assertNotEquals(b, g.getLayer("b").params(), "layer b trains");

        LearningRates.set(g, layer -> 0.1);
        g.fit(data);
        assertNotEquals(a, g.getLayer("a").params(), "layer a trains again");
    }

    @Test
    void adamsTwoMomentsFollowTheirParametersWhenTheBlockIsCut() {
        ComputationGraph g = net(new vlfer.model.optim.TorchAdam(0.01, 0.9, 0.999, 1e-4));
        MultiDataSet data = batch();
        g.fit(data);
        g.fit(data);
        assertEquals(1, g.getUpdater().getUpdaterBlocks().size());
        long n = g.numParams();
        INDArray before = g.getUpdater().getStateViewArray().dup().reshape(2 * n); // [m of all, v of all]
        long aParams = g.getLayer("a").numParams();

        LearningRates.set(g, layer -> layer.equals("a") ? 0 : 0.01);
        assertTrue(g.getUpdater().getUpdaterBlocks().size() >= 2, "the block is cut where the rates differ");
        for (org.deeplearning4j.nn.updater.UpdaterBlock b : g.getUpdater().getUpdaterBlocks()) {
            long from = b.getParamOffsetStart();
            long len = b.getParamOffsetEnd() - from;
            INDArray view = b.getUpdaterView().reshape(2 * len);
            boolean frozen = from < aParams;
            for (int j = 0; j < 2; j++) {
                INDArray now = view.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(j * len, (j + 1) * len));
                INDArray was = before.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(j * n + from, j * n + from + len));
                if (frozen) {
                    assertEquals(0.0, now.amaxNumber().doubleValue(), "the frozen layer's moments are cleared");
                } else {
                    assertEquals(was, now, (j == 0 ? "first" : "second") + " moment of parameters " + from + ".." + (from + len));
                }
            }
        }
        INDArray a = g.getLayer("a").params().dup();
        g.fit(data);
        assertEquals(a, g.getLayer("a").params(), "layer a frozen under Adam too");
    }
}
