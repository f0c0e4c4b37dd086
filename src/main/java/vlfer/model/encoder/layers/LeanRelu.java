package vlfer.model.encoder.layers;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's activation layer. For a plain ReLU, backprop runs the same derivative op DL4J's ReLU
 * runs, on the layer's input itself and straight into the gradient workspace, where DL4J first
 * copies the input (which the op only reads) and writes the result outside the workspace.
 */
public class LeanRelu extends ActivationLayer {
    private static final ActivationReLU PLAIN_RELU = new ActivationReLU();

    public LeanRelu(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (!PLAIN_RELU.equals(layerConf().getActivationFn()) || !Arrays.equals(input.shape(), epsilon.shape())
                || input.dataType() != epsilon.dataType()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray delta = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(),
                input.ordering());
        Nd4j.getExecutioner().exec(new RectifiedLinearDerivative(input, epsilon, delta, 0.0));
        return new Pair<>(new DefaultGradient(), delta);
    }
}
