package vlfer.model.encoder.layers;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's convolution layer. In backprop, with the oneDNN/cuDNN helper in use, DL4J runs the
 * forward convolution again only to hand the pre-activation z to the activation's derivative.
 * This layer hands it something that gives the same derivative instead:
 * <ul>
 *   <li>identity: the incoming gradient itself (the identity's derivative ignores z);</li>
 *   <li>plain ReLU: the layer's own output relu(z) from the training forward pass, which is
 *       positive exactly where z is, and which the layers after it only read.</li>
 * </ul>
 * Every other case is DL4J's own path.
 */
public class LeanConvolution extends ConvolutionLayer {
    private static final ActivationReLU PLAIN_RELU = new ActivationReLU();
    private INDArray backpropEpsilon;
    private INDArray reluOutput;

    public LeanConvolution(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray out = super.activate(training, workspaceMgr);
        reluOutput = training && PLAIN_RELU.equals(layerConf().getActivationFn()) ? out : null;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        backpropEpsilon = epsilon.dataType() == dataType ? epsilon : null;
        try {
            return super.backpropGradient(epsilon, workspaceMgr);
        } finally {
            backpropEpsilon = null;
            reluOutput = null;
        }
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput4d(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (forBackprop && backpropEpsilon != null && helper != null && helperCountFail == 0) {
            IActivation afn = layerConf().getActivationFn();
            if (afn instanceof ActivationIdentity) {
                return new Pair<>(backpropEpsilon, null);
            }
            if (reluOutput != null && PLAIN_RELU.equals(afn) && Arrays.equals(reluOutput.shape(), backpropEpsilon.shape())) {
                return new Pair<>(reluOutput, null);
            }
        }
        return super.preOutput4d(training, forBackprop, workspaceMgr);
    }
}
