package vlfer.model.encoder.onednn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A running {@link FusedLayer}: its {@link BlockPlan} per batch size ({@link PlanCache}), the last
 * forward pass's output kept for the backward pass.
 */
public class FusedLayerRuntime extends BaseLayer<FusedLayer> {
    private final transient PlanCache<BlockPlan> plans = new PlanCache<BlockPlan>().register(this);
    private transient INDArray output;
    private transient boolean trainingPass;

    public FusedLayerRuntime(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private BlockPlan plan(int batch) {
        FusedLayer c = layerConf();
        return plans.forBatch(batch, c::plan);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray x = DnnlMemory.contiguous(input);
        FusedLayer c = layerConf();
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[]{x.size(0), c.outChannels(), c.outHeight(), c.outWidth()}, 'c');
        plan((int) x.size(0)).forward(x, out, params, training);
        output = out;
        trainingPass = training;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = DnnlMemory.contiguous(input);
        if (output == null || output.size(0) != x.size(0) || !trainingPass) {
            throw new IllegalStateException("layer " + layerConf().getLayerName()
                    + ": backprop without a training forward pass of this batch");
        }
        INDArray inputGradient = layerConf().isInputGradient()
                ? workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, x.shape(), 'c') : null;
        plan((int) x.size(0)).backward(x, output, DnnlMemory.contiguous(epsilon), inputGradient, params, gradientViews);
        Gradient g = new DefaultGradient(gradientsFlattened);
        for (String key : layerConf().initializer().paramKeys(layerConf())) {
            g.gradientForVariable().put(key, gradientViews.get(key));
        }
        return new Pair<>(g, inputGradient);
    }

    /** Running statistics' "gradients" are their updates: not averaged over the batch. */
    @Override
    public boolean updaterDivideByMinibatch(String paramName) {
        return layerConf().paramSpecs().stream()
                .noneMatch(p -> p.key().equals(paramName) && p.role() == ParamSpec.Role.STATISTIC);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }
}
