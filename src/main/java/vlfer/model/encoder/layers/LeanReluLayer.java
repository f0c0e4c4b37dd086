package vlfer.model.encoder.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's ActivationLayer with ReLU, whose backprop does not copy its input first. */
public class LeanReluLayer extends ActivationLayer {
    /** A ReLU layer; for the configuration's JSON too. */
    public LeanReluLayer() {
        super(Activation.RELU);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray paramsView, boolean initializeParams, DataType dataType) {
        return LayerWiring.wire(new LeanRelu(conf, dataType), conf, initializer(), listeners, index, paramsView,
                initializeParams);
    }
}
