package vlfer.model.encoder.faceapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a {@link FusedDenseBlock}, in {@link DenseBlockShape#params()} order, each a
 * view into the layer's flattened vector with DL4J's own shape for that convolution's weight or
 * bias. Weights are initialised as DL4J initialises convolution weights, biases to the bias init.
 */
public final class DenseBlockParams implements ParamInitializer {
    public static final DenseBlockParams INSTANCE = new DenseBlockParams();

    private DenseBlockParams() {
    }

    private static DenseBlockShape shape(Layer layer) {
        return ((FusedDenseBlock) layer).shape();
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return shape(layer).params().stream().mapToLong(DenseBlockShape.Param::length).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return shape(layer).params().stream().map(DenseBlockShape.Param::key).toList();
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return shape(layer).params().stream().filter(p -> !p.bias()).map(DenseBlockShape.Param::key).toList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return shape(layer).params().stream().filter(DenseBlockShape.Param::bias).map(DenseBlockShape.Param::key).toList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return weightKeys(layer).contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return biasKeys(layer).contains(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        FusedDenseBlock layer = (FusedDenseBlock) conf.getLayer();
        Map<String, INDArray> views = views(layer, paramsView);
        if (initializeParams) {
            for (DenseBlockShape.Param p : layer.shape().params()) {
                INDArray view = views.get(p.key());
                if (p.bias()) {
                    view.assign(layer.getBiasInit());
                } else {
                    layer.getWeightInitFn().init(p.fanIn(), p.fanOut(), p.shape(), 'c', view);
                }
            }
        }
        for (String key : views.keySet()) {
            conf.addVariable(key);
        }
        return views;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((FusedDenseBlock) conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> views(FusedDenseBlock layer, INDArray flat) {
        INDArray vector = flat.reshape(flat.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        long offset = 0;
        List<DenseBlockShape.Param> params = new ArrayList<>(layer.shape().params());
        for (DenseBlockShape.Param p : params) {
            views.put(p.key(), vector.get(NDArrayIndex.interval(offset, offset + p.length())).reshape('c', p.shape()));
            offset += p.length();
        }
        return views;
    }
}
