package vlfer.model.encoder.resnet;

import java.util.Objects;
import vlfer.model.encoder.onednn.BlockPlan;
import vlfer.model.encoder.onednn.FusedLayer;

/**
 * ResNet's stem (conv1, bn1, ReLU, max pooling) as a single DL4J layer run by oneDNN directly
 * ({@link StemPlan}), batch norm as in {@link FusedBasicBlock}. Its input is the RGB image.
 */
public class FusedStem extends FusedLayer {
    private int out;
    private double eps;
    private double decay;

    /** For the configuration's JSON. */
    public FusedStem() {
    }

    public FusedStem(StemShape shape, boolean inputGradient, boolean blockedOutput) {
        super(StemShape.IN, shape.height(), shape.width(), inputGradient, false, blockedOutput);
        this.out = shape.out();
        this.eps = shape.eps();
        this.decay = shape.decay();
    }

    @Override
    public StemShape shape() {
        return new StemShape(out, getHeight(), getWidth(), eps, decay);
    }

    @Override
    public BlockPlan plan(int batch) {
        return new StemPlan(shape(), batch, isInputGradient(), isBlockedOutput());
    }

    public int getOut() {
        return out;
    }

    public void setOut(int out) {
        this.out = out;
    }

    public double getEps() {
        return eps;
    }

    public void setEps(double eps) {
        this.eps = eps;
    }

    public double getDecay() {
        return decay;
    }

    public void setDecay(double decay) {
        this.decay = decay;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && shape().equals(((FusedStem) o).shape());
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hash(out, eps, decay);
    }
}
