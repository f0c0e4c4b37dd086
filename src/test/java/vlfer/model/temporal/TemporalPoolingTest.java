package vlfer.model.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A clip network (frames to batch, per-frame encoder, mean over time) gives exactly the mean of
 * what the same encoder gives each frame, survives JSON, and trains.
 */
class TemporalPoolingTest {
    private static final int T = 4;
    private static final int SIDE = 8;

    private static ComputationGraphConfiguration clipNet() {
        return clipNet(0.1);
    }

    private static ComputationGraphConfiguration clipNet(double lr) {
        return new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER)
                .updater(new Sgd(lr)).graphBuilder()
                .addInputs("clip")
                .addVertex("frames", new PreprocessorVertex(new FramesToBatch(T, SIDE, SIDE)), "clip")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(5).activation(Activation.TANH).build(), "frames")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv")
                .addVertex("time", new PreprocessorVertex(new TemporalMean(T, 5)), "pool")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "time")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(SIDE, SIDE, 3L * T))
                .build();
    }

    @Test
    void clipFeaturesAreTheMeanOfFrameFeatures() {
        ComputationGraph net = new ComputationGraph(clipNet());
        net.init();
        INDArray clips = Nd4j.rand(DataType.DOUBLE, 2, 3 * T, SIDE, SIDE);
        INDArray pooled = net.feedForward(new INDArray[]{clips}, false).get("time");
        assertEquals(2, pooled.size(0));
        INDArray frames = net.feedForward(new INDArray[]{clips}, false).get("pool");
        assertEquals(2L * T, frames.size(0));
        for (int clip = 0; clip < 2; clip++) {
            INDArray expected = frames.get(NDArrayIndex.interval(clip * T, (clip + 1) * T), NDArrayIndex.all()).mean(0);
            assertTrue(expected.equalsWithEps(pooled.getRow(clip), 1e-12), expected + " vs " + pooled.getRow(clip));
        }
        // frame f of clip c is channels [3f, 3f+3) of the input
        INDArray frame1 = clips.get(NDArrayIndex.point(1), NDArrayIndex.interval(3, 6), NDArrayIndex.all(), NDArrayIndex.all());
        INDArray viaBatch = net.feedForward(new INDArray[]{clips}, false).get("frames").get(NDArrayIndex.point(T + 1));
        assertTrue(frame1.equalsWithEps(viaBatch, 0));
    }

    @Test
    void gradientsPassTheCheck() {
        ComputationGraph net = new ComputationGraph(clipNet(1.0));
        net.init();
        INDArray clips = Nd4j.rand(DataType.DOUBLE, 3, 3 * T, SIDE, SIDE);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, 3, 3);
        for (int i = 0; i < 3; i++) {
            labels.putScalar(i, i, 1);
        }
        DataType previous = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        boolean ok;
        try {
            ok = org.deeplearning4j.gradientcheck.GradientCheckUtil.checkGradients(
                    new org.deeplearning4j.gradientcheck.GradientCheckUtil.GraphConfig().net(net)
                            .inputs(new INDArray[]{clips}).labels(new INDArray[]{labels}));
        } finally {
            Nd4j.setDefaultDataTypes(previous, previous);
        }
        assertTrue(ok, "gradient check through frames-to-batch and the temporal mean");
    }

    @Test
    void roundTripsThroughJsonAndLearns() {
        ComputationGraphConfiguration conf = clipNet();
        assertEquals(conf, ComputationGraphConfiguration.fromJson(conf.toJson()));
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        INDArray clips = Nd4j.rand(DataType.DOUBLE, 6, 3 * T, SIDE, SIDE);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, 6, 3);
        for (int i = 0; i < 6; i++) {
            labels.putScalar(i, i % 3, 1);
            clips.get(NDArrayIndex.point(i)).addi(i % 3);
        }
        MultiDataSet data = new MultiDataSet(clips, labels);
        double before = net.score(data);
        for (int i = 0; i < 60; i++) {
            net.fit(data);
        }
        assertTrue(net.score(data) < 0.7 * before, before + " -> " + net.score(data));
    }
}
