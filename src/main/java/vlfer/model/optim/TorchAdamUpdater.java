package vlfer.model.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The state (first and second moments, halves of one view array) and step of {@link TorchAdam}. */
final class TorchAdamUpdater implements GradientUpdater<TorchAdam> {
    static final String M = "M";
    static final String V = "V";

    private final TorchAdam config;
    private INDArray m;
    private INDArray v;

    TorchAdamUpdater(TorchAdam config) {
        this.config = config;
    }

    @Override
    public TorchAdam getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> state, boolean initialize) {
        if (!state.containsKey(M) || !state.containsKey(V) || state.size() != 2) {
            throw new IllegalStateException("TorchAdam state needs exactly M and V, got " + state.keySet());
        }
        m = state.get(M);
        v = state.get(V);
        if (initialize) {
            m.assign(0);
            v.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(M, m);
        out.put(V, v);
        return out;
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char order, boolean initialize) {
        if (initialize) {
            viewArray.assign(0);
        }
        long half = viewArray.length() / 2;
        m = half(viewArray, 0, half).reshape(order, gradientShape);
        v = half(viewArray, half, 2 * half).reshape(order, gradientShape);
    }

    private static INDArray half(INDArray view, long from, long to) {
        return view.rank() == 1 ? view.get(NDArrayIndex.interval(from, to))
                : view.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to));
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        double b1 = config.getBeta1();
        double b2 = config.getBeta2();
        int t = iteration + 1;
        m.muli(b1).addi(gradient.mul(1 - b1));
        v.muli(b2).addi(gradient.mul(gradient).muli(1 - b2));
        double bias1 = 1 - Math.pow(b1, t);
        double bias2 = 1 - Math.pow(b2, t);
        INDArray denom = Transforms.sqrt(v, true).divi(Math.sqrt(bias2)).addi(config.getEpsilon());
        gradient.assign(m.div(denom).muli(config.getLearningRate(iteration, epoch) / bias1));
    }
}
