package vlfer.model.encoder.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's DepthwiseConvolution2D whose backprop does not recompute the forward convolution for the identity activation. */
public class LeanDepthwiseConvolution2D extends DepthwiseConvolution2D {
    /** For the configuration's JSON. */
    protected LeanDepthwiseConvolution2D() {
    }

    private LeanDepthwiseConvolution2D(Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        LayerValidation.assertNInNOutSet("LeanDepthwiseConvolution2D", getLayerName(), index, getNIn(), getNOut());
        return LayerWiring.wire(new LeanDepthwiseConvolution(conf, dataType), conf, initializer(), listeners, index,
                paramsView, initializeParams);
    }

    /** DepthwiseConvolution2D.Builder, building the lean layer. */
    public static class Builder extends DepthwiseConvolution2D.Builder {
        public Builder(int... kernelSize) {
            super(kernelSize);
        }

        @Override
        @SuppressWarnings("unchecked")
        public LeanDepthwiseConvolution2D build() {
            super.build(); // DL4J's own checks of kernel, stride, padding and multiplier
            return new LeanDepthwiseConvolution2D(this);
        }
    }
}
