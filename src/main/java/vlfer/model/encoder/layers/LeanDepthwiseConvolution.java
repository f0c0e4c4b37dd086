package vlfer.model.encoder.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.DepthwiseConvolution2DLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's depthwise convolution layer. In backprop, with the identity activation, the
 * pre-activation it asks for (only to pass it to the identity's derivative, which returns the
 * incoming gradient untouched) is that gradient itself instead of a second forward convolution.
 */
public class LeanDepthwiseConvolution extends DepthwiseConvolution2DLayer {
    private INDArray backpropEpsilon;

    public LeanDepthwiseConvolution(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        backpropEpsilon = epsilon;
        try {
            return super.backpropGradient(epsilon, workspaceMgr);
        } finally {
            backpropEpsilon = null;
        }
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput4d(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (forBackprop && backpropEpsilon != null && layerConf().getActivationFn() instanceof ActivationIdentity) {
            return new Pair<>(backpropEpsilon, null);
        }
        return super.preOutput4d(training, forBackprop, workspaceMgr);
    }
}
