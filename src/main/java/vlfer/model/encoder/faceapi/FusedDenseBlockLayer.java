package vlfer.model.encoder.faceapi;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The running {@link FusedDenseBlock}: keeps a {@link DenseBlockPlan} per batch size (the last
 * two seen, so that a smaller last batch does not rebuild the training batch's), freed when the
 * layer is dropped.
 */
public class FusedDenseBlockLayer extends BaseLayer<FusedDenseBlock> {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int KEPT_PLANS = 2;
    private final transient Plans plans = new Plans();
    private transient INDArray output;

    public FusedDenseBlockLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        CLEANER.register(this, plans::close);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray x = rowMajor(input);
        DenseBlockShape s = layerConf().shape();
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[]{x.size(0), s.out(), s.outHeight(), s.outWidth()}, 'c');
        plans.forBatch(layerConf(), (int) x.size(0)).forward(x, out, params);
        output = out;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = rowMajor(input);
        INDArray inputGradient = layerConf().inputGradient()
                ? workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, x.shape(), 'c') : null;
        if (output == null || output.size(0) != x.size(0)) {
            throw new IllegalStateException("layer " + layerConf().getLayerName() + ": backprop without a forward pass of this batch");
        }
        plans.forBatch(layerConf(), (int) x.size(0)).backward(x, output, rowMajor(epsilon), inputGradient, params, gradientViews);
        Gradient g = new DefaultGradient(gradientsFlattened);
        for (String key : layerConf().initializer().paramKeys(layerConf())) {
            g.gradientForVariable().put(key, gradientViews.get(key));
        }
        return new Pair<>(g, inputGradient);
    }

    private static INDArray rowMajor(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("the fused dense block runs in float32, got " + a.dataType());
        }
        return DnnlMemory.rowMajor(a) ? a : a.dup('c');
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }

    /** The kept plans; closes what it drops. Holds no reference to the layer, so the layer can be collected. */
    private static final class Plans {
        private final List<DenseBlockPlan> kept = new ArrayList<>();

        synchronized DenseBlockPlan forBatch(FusedDenseBlock conf, int batch) {
            for (DenseBlockPlan p : kept) {
                if (p.batch() == batch) {
                    kept.remove(p);
                    kept.add(0, p);
                    return p;
                }
            }
            DenseBlockPlan plan = new DenseBlockPlan(conf.shape(), batch, conf.isBlockedInput(), conf.isBlockedOutput());
            kept.add(0, plan);
            while (kept.size() > KEPT_PLANS) {
                kept.remove(kept.size() - 1).close();
            }
            return plan;
        }

        synchronized void close() {
            kept.forEach(DenseBlockPlan::close);
            kept.clear();
        }
    }
}
