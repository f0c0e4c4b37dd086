package vlfer.model.encoder.faceapi;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.onednn.DnnlMemory;
import vlfer.model.encoder.onednn.PlanCache;

/** The running {@link FusedDenseBlock}: a {@link DenseBlockPlan} per batch size ({@link PlanCache}). */
public class FusedDenseBlockLayer extends BaseLayer<FusedDenseBlock> {
    private final transient PlanCache<DenseBlockPlan> plans = new PlanCache<DenseBlockPlan>().register(this);
    private transient INDArray output;

    public FusedDenseBlockLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray x = DnnlMemory.contiguous(input);
        DenseBlockShape s = layerConf().shape();
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[]{x.size(0), s.out(), s.outHeight(), s.outWidth()}, 'c');
        plan((int) x.size(0)).forward(x, out, params);
        output = out;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = DnnlMemory.contiguous(input);
        INDArray inputGradient = layerConf().inputGradient()
                ? workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, x.shape(), 'c') : null;
        if (output == null || output.size(0) != x.size(0)) {
            throw new IllegalStateException("layer " + layerConf().getLayerName() + ": backprop without a forward pass of this batch");
        }
        plan((int) x.size(0)).backward(x, output, DnnlMemory.contiguous(epsilon), inputGradient, params, gradientViews);
        Gradient g = new DefaultGradient(gradientsFlattened);
        for (String key : layerConf().initializer().paramKeys(layerConf())) {
            g.gradientForVariable().put(key, gradientViews.get(key));
        }
        return new Pair<>(g, inputGradient);
    }

    private DenseBlockPlan plan(int batch) {
        FusedDenseBlock c = layerConf();
        return plans.forBatch(batch, n -> new DenseBlockPlan(c.shape(), n, c.isBlockedInput(), c.isBlockedOutput()));
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
