package vlfer.train;

import java.util.IdentityHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Sets the learning rate of every trainable layer, SameDiff layers included, in both the running
 * network and its configuration. Needed because DL4J's own setLearningRate skips SameDiff layers,
 * and because Spark workers rebuild the network from a clone of the configuration that drops the
 * epoch counter (so an epoch-keyed schedule would never advance there).
 */
public final class LearningRates {
    private LearningRates() {
    }

    public static void set(ComputationGraph graph, double lr) {
        Map<IUpdater, Boolean> done = new IdentityHashMap<>();
        for (GraphVertex v : graph.getConfiguration().getVertices().values()) {
            if (v instanceof LayerVertex lv) {
                apply(lv.getLayerConf().getLayer(), lr, done);
            }
        }
        for (Layer layer : graph.getLayers()) {
            apply(layer.conf().getLayer(), lr, done);
        }
    }

    private static void apply(org.deeplearning4j.nn.conf.layers.Layer conf, double lr, Map<IUpdater, Boolean> done) {
        if (conf instanceof BaseLayer b) {
            setOn(b.getIUpdater(), lr, done);
            setOn(b.getBiasUpdater(), lr, done);
        } else if (conf instanceof AbstractSameDiffLayer s) {
            setOn(s.getUpdater(), lr, done);
            setOn(s.getBiasUpdater(), lr, done);
        }
    }

    private static void setOn(IUpdater u, double lr, Map<IUpdater, Boolean> done) {
        if (u != null && done.put(u, Boolean.TRUE) == null && u.hasLearningRate()) {
            u.setLrAndSchedule(lr, null);
        }
    }
}
