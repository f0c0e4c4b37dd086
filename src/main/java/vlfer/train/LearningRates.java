package vlfer.train;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Sets the learning rate of every trainable layer, SameDiff layers included, in both the running
 * network and its configuration. Needed because DL4J's own setLearningRate skips SameDiff layers,
 * and because Spark workers rebuild the network from a clone of the configuration that drops the
 * epoch counter (so an epoch-keyed schedule would never advance there).
 * <p>
 * DL4J updates parameters in blocks that share one rate, grouped when the updater was built; when
 * layers of one block now need different rates the updater is rebuilt (its momentum kept), and a
 * layer at rate 0 has its momentum cleared so that it really stays where it is.
 */
public final class LearningRates {
    private LearningRates() {
    }

    public static void set(ComputationGraph graph, double lr) {
        set(graph, layer -> lr);
    }

    /**
     * A rate per layer name (0 freezes a layer for the epoch). Layers that share one updater
     * object cannot take different rates: that is an error, not a silent compromise.
     */
    public static void set(ComputationGraph graph, ToDoubleFunction<String> lrByLayer) {
        Map<IUpdater, Double> done = new IdentityHashMap<>();
        for (Map.Entry<String, GraphVertex> v : graph.getConfiguration().getVertices().entrySet()) {
            if (v.getValue() instanceof LayerVertex lv) {
                apply(lv.getLayerConf().getLayer(), v.getKey(), lrByLayer.applyAsDouble(v.getKey()), done);
            }
        }
        done.clear();
        for (Layer layer : graph.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            apply(layer.conf().getLayer(), name, lrByLayer.applyAsDouble(name), done);
        }
        alignUpdater(graph, lrByLayer);
    }

    private static void alignUpdater(ComputationGraph graph, ToDoubleFunction<String> lrByLayer) {
        ComputationGraphUpdater updater = graph.getUpdater(false);
        if (updater == null) {
            return; // built later from the configuration, which now carries the rates
        }
        if (!blocksHaveOneRate(updater, lrByLayer)) {
            INDArray[] state = perParameter(updater, graph.numParams());
            graph.setUpdater(null);
            updater = graph.getUpdater(true);
            restore(updater, state);
            if (!blocksHaveOneRate(updater, lrByLayer)) {
                throw new IllegalStateException("DL4J grouped layers with different learning rates into one update block");
            }
        }
        for (UpdaterBlock b : updater.getUpdaterBlocks()) {
            if (rateOf(b, lrByLayer) == 0 && b.getUpdaterView() != null) {
                b.getUpdaterView().assign(0);
            }
        }
    }

    /**
     * The updater's state by parameter: array j holds the j-th state value of every parameter (SGD
     * momentum has one, Adam's two moments two; batch-norm statistics none). A block keeps its k
     * values as k consecutive runs over its parameters, so the layout depends on how the blocks are
     * cut; by parameter it does not, and survives a rebuild that cuts them differently.
     */
    private static INDArray[] perParameter(ComputationGraphUpdater updater, long params) {
        DataType type = updater.getStateViewArray() == null ? DataType.FLOAT : updater.getStateViewArray().dataType();
        INDArray[] out = new INDArray[]{Nd4j.zeros(type, params), Nd4j.zeros(type, params)};
        for (UpdaterBlock b : updater.getUpdaterBlocks()) {
            long from = b.getParamOffsetStart();
            long n = b.getParamOffsetEnd() - from;
            int k = statesPerParameter(b, n);
            for (int j = 0; j < k; j++) {
                out[j].get(NDArrayIndex.interval(from, from + n)).assign(run(b.getUpdaterView(), j, n));
            }
        }
        return out;
    }

    private static void restore(ComputationGraphUpdater updater, INDArray[] byParameter) {
        for (UpdaterBlock b : updater.getUpdaterBlocks()) {
            long from = b.getParamOffsetStart();
            long n = b.getParamOffsetEnd() - from;
            int k = statesPerParameter(b, n);
            for (int j = 0; j < k; j++) {
                run(b.getUpdaterView(), j, n).assign(byParameter[j].get(NDArrayIndex.interval(from, from + n)).castTo(
                        b.getUpdaterView().dataType()));
            }
        }
    }

    private static int statesPerParameter(UpdaterBlock b, long params) {
        long state = b.getUpdaterView() == null ? 0 : b.getUpdaterView().length();
        if (state % Math.max(1, params) != 0 || state / Math.max(1, params) > 2) {
            throw new IllegalStateException("an updater keeping " + state + " state values for " + params + " parameters (block of "
                    + b.getLayersAndVariablesInBlock().get(0).getLayer().getConfig().getLayerName() + ") cannot take"
                    + " different learning rates per layer");
        }
        return (int) (state / Math.max(1, params));
    }

    /** Run {@code j} (of length {@code n}) of a block's state view, as a view. */
    private static INDArray run(INDArray view, int j, long n) {
        return view.rank() == 1 ? view.get(NDArrayIndex.interval(j * n, (j + 1) * n))
                : view.get(NDArrayIndex.point(0), NDArrayIndex.interval(j * n, (j + 1) * n));
    }

    private static boolean blocksHaveOneRate(ComputationGraphUpdater updater, ToDoubleFunction<String> lrByLayer) {
        for (UpdaterBlock b : updater.getUpdaterBlocks()) {
            double first = rateOf(b, lrByLayer);
            for (UpdaterBlock.ParamState p : b.getLayersAndVariablesInBlock()) {
                if (lrByLayer.applyAsDouble(p.getLayer().getConfig().getLayerName()) != first) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double rateOf(UpdaterBlock b, ToDoubleFunction<String> lrByLayer) {
        return lrByLayer.applyAsDouble(b.getLayersAndVariablesInBlock().get(0).getLayer().getConfig().getLayerName());
    }

    private static void apply(org.deeplearning4j.nn.conf.layers.Layer conf, String name, double lr, Map<IUpdater, Double> done) {
        if (conf instanceof BaseLayer b) {
            setOn(b.getIUpdater(), name, lr, done);
            setOn(b.getBiasUpdater(), name, lr, done);
        } else if (conf instanceof AbstractSameDiffLayer s) {
            // DL4J hands every SameDiff layer the one global updater object: give each its own copy
            if (s.getUpdater() != null && done.containsKey(s.getUpdater())) {
                s.setUpdater(s.getUpdater().clone());
            }
            if (s.getBiasUpdater() != null && done.containsKey(s.getBiasUpdater())) {
                s.setBiasUpdater(s.getBiasUpdater().clone());
            }
            setOn(s.getUpdater(), name, lr, done);
            setOn(s.getBiasUpdater(), name, lr, done);
        }
    }

    private static void setOn(IUpdater u, String layer, double lr, Map<IUpdater, Double> done) {
        if (u == null || !u.hasLearningRate()) {
            return;
        }
        Double before = done.put(u, lr);
        if (before != null && before != lr) {
            throw new IllegalStateException("layer " + layer + " shares its updater with another layer, which needs learning rate "
                    + before + " where this one needs " + lr);
        }
        u.setLrAndSchedule(lr, null);
    }
}
