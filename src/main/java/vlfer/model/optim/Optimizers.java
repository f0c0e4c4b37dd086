package vlfer.model.optim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.config.Nesterovs;
import vlfer.config.TrainSettings;

/**
 * {@code vlfer.train.optimizer} on a network's configuration, each as PyTorch's optimiser of the
 * same name. sgd: Nesterov momentum, with L2 on the weights added to the gradient (biases are not
 * decayed, as before). adam: {@link TorchAdam}, with L2 on weights and biases added to the gradient.
 * adamw: {@link TorchAdam}, with weights and biases decayed by lr x weight decay after the step.
 */
public final class Optimizers {
    private Optimizers() {
    }

    public static NeuralNetConfiguration.Builder apply(NeuralNetConfiguration.Builder b, TrainSettings t) {
        double wd = t.weightDecay();
        return switch (t.optimizer()) {
            case SGD -> b.updater(new Nesterovs(t.learningRate(), t.momentum())).l2(wd);
            case ADAM -> b.updater(adam(t)).l2(wd).l2Bias(wd);
            case ADAMW -> b.updater(adam(t)).weightDecay(wd, true).weightDecayBias(wd, true);
        };
    }

    /**
     * Removes repeated regularisation entries from every layer. DL4J 1.0.0-M2.1 copies the builder's
     * weight decay into each layer twice, which decays the weights twice per step (measured against
     * PyTorch's AdamW in TorchAdamTest). Call on every configuration built with {@link #apply}.
     */
    public static ComputationGraphConfiguration deduplicated(ComputationGraphConfiguration conf) {
        return withDecay(conf, layer -> true);
    }

    /** {@link #deduplicated}, and no weight decay at all on the layers {@code decays} refuses. */
    public static ComputationGraphConfiguration withDecay(ComputationGraphConfiguration conf, Predicate<String> decays) {
        for (Map.Entry<String, GraphVertex> v : conf.getVertices().entrySet()) {
            if (v.getValue() instanceof LayerVertex lv) {
                boolean keep = decays.test(v.getKey());
                Layer layer = lv.getLayerConf().getLayer();
                if (layer instanceof BaseLayer bl) {
                    bl.setRegularization(distinct(bl.getRegularization(), keep));
                    bl.setRegularizationBias(distinct(bl.getRegularizationBias(), keep));
                } else if (layer instanceof AbstractSameDiffLayer sl) {
                    sl.setRegularization(distinct(sl.getRegularization(), keep));
                    sl.setRegularizationBias(distinct(sl.getRegularizationBias(), keep));
                }
            }
        }
        return conf;
    }

    private static List<Regularization> distinct(List<Regularization> r, boolean keep) {
        return r == null ? null : keep ? new ArrayList<>(new LinkedHashSet<>(r)) : new ArrayList<>();
    }

    private static TorchAdam adam(TrainSettings t) {
        return new TorchAdam(t.learningRate(), t.beta1(), t.beta2(), t.epsilon());
    }
}
