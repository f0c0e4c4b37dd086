package vlfer.model.encoder.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's ConvolutionLayer whose backprop does not recompute the forward convolution for the identity activation. */
public class LeanConvolutionLayer extends ConvolutionLayer {
    /** For the configuration's JSON. */
    protected LeanConvolutionLayer() {
    }

    private LeanConvolutionLayer(Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        LayerValidation.assertNInNOutSet("LeanConvolutionLayer", getLayerName(), index, getNIn(), getNOut());
        return LayerWiring.wire(new LeanConvolution(conf, dataType), conf, initializer(), listeners, index, paramsView,
                initializeParams);
    }

    /** ConvolutionLayer.Builder, building the lean layer. */
    public static class Builder extends ConvolutionLayer.Builder {
        public Builder(int... kernelSize) {
            super(kernelSize);
        }

        @Override
        @SuppressWarnings("unchecked")
        public LeanConvolutionLayer build() {
            ConvolutionUtils.validateConvolutionModePadding(convolutionMode, padding);
            ConvolutionUtils.validateCnnKernelStridePadding(kernelSize, stride, padding);
            return new LeanConvolutionLayer(this);
        }
    }
}
