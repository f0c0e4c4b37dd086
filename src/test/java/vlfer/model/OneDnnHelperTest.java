package vlfer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J only uses oneDNN for conv/pooling/batch-norm when the JVM flag is set AND the class it looks
 * up by its pre-M2.1 name exists (the shim org.nd4j.nativeblas.Nd4jCpu). This proves the layers of
 * a real network actually hold the oneDNN helpers.
 */
class OneDnnHelperTest {
    private static final String FLAG = "org.eclipse.deeplearning4j.helpers.disable";

    private static ComputationGraph build() {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(new org.nd4j.linalg.learning.config.Sgd(0.05)).graphBuilder()
                .addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4).build(), "in")
                .addLayer("bn", new BatchNormalization.Builder().build(), "conv")
                .addLayer("pool", new SubsamplingLayer.Builder(2, 2).stride(2, 2).build(), "bn")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).build(), "pool")
                .setOutputs("out").setInputTypes(InputType.convolutional(12, 12, 3)).build());
        g.init();
        return g;
    }

    @Test
    void oneDnnAndBuiltInImplementationsAgree() throws Exception {
        ComputationGraph fast = build();
        ComputationGraph plain;
        System.setProperty(FLAG, "true");
        try {
            plain = build();
            plain.setParams(fast.params().dup());
        } finally {
            System.setProperty(FLAG, "false");
        }
        org.nd4j.linalg.api.ndarray.INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 12, 12);
        org.nd4j.linalg.api.ndarray.INDArray y = Nd4j.eye(3).getRows(0, 1, 2, 0).castTo(DataType.FLOAT);
        assertEquals("MKLDNNConvHelper", helperOf(fast.getLayer("conv")));
        assertEquals(0, fast.outputSingle(x).sub(plain.outputSingle(x)).amaxNumber().doubleValue(), 1e-5);
        for (int i = 0; i < 3; i++) {
            fast.fit(new org.nd4j.linalg.dataset.DataSet(x, y));
            plain.fit(new org.nd4j.linalg.dataset.DataSet(x, y));
        }
        assertEquals(0, fast.params().sub(plain.params()).amaxNumber().doubleValue(), 1e-5);
    }

    @Test
    void convolutionPoolingAndBatchNormGetTheOneDnnHelpers() throws Exception {
        assertEquals("false", System.getProperty("org.eclipse.deeplearning4j.helpers.disable"),
                "the JVM flag from pom.xml must be set");
        ComputationGraph g = build();
        g.outputSingle(Nd4j.rand(DataType.FLOAT, 2, 3, 12, 12));
        assertEquals("MKLDNNConvHelper", helperOf(g.getLayer("conv")));
        assertEquals("MKLDNNBatchNormHelper", helperOf(g.getLayer("bn")));
        assertEquals("MKLDNNSubsamplingHelper", helperOf(g.getLayer("pool")));
    }

    private static String helperOf(Layer layer) throws Exception {
        for (Class<?> c = layer.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("helper");
                f.setAccessible(true);
                Object helper = f.get(layer);
                assertNotNull(helper, "no helper on " + layer.getClass().getSimpleName());
                return helper.getClass().getSimpleName();
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        throw new AssertionError("no helper field on " + layer.getClass());
    }
}
