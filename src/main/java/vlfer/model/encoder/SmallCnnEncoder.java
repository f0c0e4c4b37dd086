package vlfer.model.encoder;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import vlfer.model.encoder.layers.LeanConvolutionLayer;
import vlfer.model.encoder.layers.LeanReluLayer;

/**
 * A small VGG-style CNN for CPUs: blocks of 3x3 conv + batch norm + ReLU + 2x2 max pool, then global
 * average pooling. Fast enough for tests and the default run, strong enough for drawn faces.
 */
public final class SmallCnnEncoder implements EncoderArchitecture {
    public static final int DEFAULT_INPUT = 64;
    private static final int[] WIDTHS = {16, 32, 64, 128};
    private static final int FEATURES = 256;

    private final int inputSize;

    public SmallCnnEncoder(int inputSize) {
        this.inputSize = inputSize;
    }

    @Override
    public EncoderMetadata metadata() {
        return EncoderMetadata.imageNet("small-cnn", inputSize, FEATURES);
    }

    @Override
    public String addTo(ComputationGraphConfiguration.GraphBuilder g, String input) {
        String prev = input;
        int in = 3;
        for (int b = 0; b < WIDTHS.length; b++) {
            String p = "cnn" + (b + 1);
            g.addLayer(p + ".conv", new LeanConvolutionLayer.Builder(3, 3).nIn(in).nOut(WIDTHS[b])
                    .convolutionMode(ConvolutionMode.Same).hasBias(false).activation(Activation.IDENTITY).build(), prev);
            g.addLayer(p + ".bn", new BatchNormalization.Builder().nOut(WIDTHS[b]).eps(1e-5).decay(0.9).useLogStd(false).build(), p + ".conv");
            g.addLayer(p + ".relu", new LeanReluLayer(), p + ".bn");
            prev = p + ".relu";
            if (b < WIDTHS.length - 1) {
                g.addLayer(p + ".pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), prev);
                prev = p + ".pool";
            }
            in = WIDTHS[b];
        }
        // Faces are aligned: where a feature sits (mouth corner, brow) is signal, so the last
        // feature map is pooled to 4x4 and kept spatial instead of averaged away.
        g.addLayer("cnn.pool", new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build(), prev);
        g.addLayer("cnn.fc", new DenseLayer.Builder().nOut(FEATURES).activation(Activation.RELU).build(), "cnn.pool");
        return "cnn.fc";
    }
}
