package vlfer.model.encoder.onednn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a fused layer ({@link Specified}), in its {@link ParamSpec} order, each a view
 * into the layer's flattened vector with DL4J's own shape. Weights are initialised as DL4J
 * initialises convolution weights.
 */
public final class FusedParams implements ParamInitializer {
    public static final FusedParams INSTANCE = new FusedParams();

    /** A layer configuration that lists its parameters. */
    public interface Specified {
        List<ParamSpec> paramSpecs();
    }

    private FusedParams() {
    }

    private static List<ParamSpec> specs(Layer layer) {
        return ((Specified) layer).paramSpecs();
    }

    private static List<String> keys(Layer layer, ParamSpec.Role role) {
        return specs(layer).stream().filter(p -> role == null || p.role() == role).map(ParamSpec::key).toList();
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return specs(layer).stream().mapToLong(ParamSpec::length).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return keys(layer, null);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return keys(layer, ParamSpec.Role.WEIGHT);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return keys(layer, ParamSpec.Role.BIAS);
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
        BaseLayer layer = (BaseLayer) conf.getLayer();
        Map<String, INDArray> views = views(layer, paramsView);
        if (initializeParams) {
            for (ParamSpec p : specs(layer)) {
                INDArray view = views.get(p.key());
                switch (p.role()) {
                    case WEIGHT -> layer.getWeightInitFn().init(p.fanIn(), p.fanOut(), p.shape(), 'c', view);
                    case BIAS -> view.assign(layer.getBiasInit());
                    default -> view.assign(p.fill());
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
        return views(conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> views(Layer layer, INDArray flat) {
        INDArray vector = flat.reshape(flat.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        long offset = 0;
        for (ParamSpec p : specs(layer)) {
            views.put(p.key(), vector.get(NDArrayIndex.interval(offset, offset + p.length())).reshape('c', p.shape()));
            offset += p.length();
        }
        return views;
    }
}
