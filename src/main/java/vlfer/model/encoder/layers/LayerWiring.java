package vlfer.model.encoder.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What every DL4J layer configuration's instantiate does to a new layer, in one place. */
public final class LayerWiring {
    private LayerWiring() {
    }

    public static <L extends AbstractLayer<?>> L wire(L layer, NeuralNetConfiguration conf, ParamInitializer params,
                                               Collection<TrainingListener> listeners, int index, INDArray paramsView,
                                               boolean initializeParams) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(params.init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
