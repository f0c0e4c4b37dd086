package vlfer.model.encoder.samediff;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Base of vlfer's SameDiff layers. DL4J 1.0.0-M2.1's {@code SameDiffLayer} inside a ComputationGraph
 * returns twice the true gradient, for its parameters and for its input (measured against finite
 * differences; it compounds layer by layer: a 12-block ViT would be off by 2^14). These layers run
 * in {@link HalvedGradientLayer}, which halves what DL4J's backward pass returns: the forward pass
 * is DL4J's own, and the fix costs one scaling of the gradients instead of extra graph operations
 * on every activation. {@code VitGradientTest}, {@code SwinGradientTest} and
 * {@code CliperTokenGradientTest} fail if a DL4J upgrade fixes the bug, so this can go then.
 */
public abstract class HalvingSameDiffLayer extends SameDiffLayer {
    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        HalvedGradientLayer layer = new HalvedGradientLayer(conf, networkDataType);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }
}
