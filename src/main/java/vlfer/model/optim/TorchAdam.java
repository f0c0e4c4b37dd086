package vlfer.model.optim;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Adam as PyTorch computes it: {@code lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}. DL4J's
 * own Adam adds epsilon before the bias correction, which makes its epsilon sqrt(1 - b2^t) times
 * larger: the difference is noticeable in early steps with the recipes' eps of 1e-4. Weight decay
 * is not part of the updater: the network adds L2 to the gradient (PyTorch's Adam) or decays the
 * weights by lr x weight decay after the step (PyTorch's AdamW, DL4J's WeightDecay with applyLR).
 */
public final class TorchAdam implements IUpdater {
    private double learningRate;
    private double beta1;
    private double beta2;
    private double epsilon;

    public TorchAdam() {
        // for DL4J's JSON
    }

    public TorchAdam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public long stateSize(long numParams) {
        return 2 * numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        TorchAdamUpdater u = new TorchAdamUpdater(this);
        u.setStateViewArray(viewArray, new long[]{1, viewArray.length() / 2}, 'c', initializeViewArray);
        return u;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initialize) {
        TorchAdamUpdater u = new TorchAdamUpdater(this);
        u.setState(state, initialize);
        return u;
    }

    @Override
    public IUpdater clone() {
        return new TorchAdam(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule schedule) {
        if (schedule != null) {
            throw new UnsupportedOperationException("TorchAdam takes its rate from vlfer's schedule, not a DL4J ISchedule");
        }
        this.learningRate = lr;
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public double getBeta1() {
        return beta1;
    }

    public void setBeta1(double beta1) {
        this.beta1 = beta1;
    }

    public double getBeta2() {
        return beta2;
    }

    public void setBeta2(double beta2) {
        this.beta2 = beta2;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TorchAdam a && a.learningRate == learningRate && a.beta1 == beta1 && a.beta2 == beta2
                && a.epsilon == epsilon;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, beta1, beta2, epsilon);
    }
}
