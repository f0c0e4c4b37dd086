package vlfer.model.encoder.resnet;

import java.util.Objects;
import vlfer.model.encoder.onednn.BlockPlan;
import vlfer.model.encoder.onednn.FusedLayer;

/**
 * One whole ResNet basic block as a single DL4J layer run by oneDNN directly
 * ({@link BasicBlockPlan}): the same convolutions, batch norms, ReLUs and shortcut as the block
 * built from DL4J layers, with DL4J's batch-norm conventions (running statistics as parameters
 * moved by the layer, no weight decay on batch-norm parameters).
 */
public class FusedBasicBlock extends FusedLayer {
    private int out;
    private int stride;
    private double eps;
    private double decay;

    /** For the configuration's JSON. */
    public FusedBasicBlock() {
    }

    public FusedBasicBlock(BasicBlockShape shape, boolean blockedInput, boolean blockedOutput) {
        super(shape.in(), shape.height(), shape.width(), true, blockedInput, blockedOutput);
        this.out = shape.out();
        this.stride = shape.stride();
        this.eps = shape.eps();
        this.decay = shape.decay();
    }

    @Override
    public BasicBlockShape shape() {
        return new BasicBlockShape(getIn(), out, getHeight(), getWidth(), stride, eps, decay);
    }

    @Override
    public BlockPlan plan(int batch) {
        return new BasicBlockPlan(shape(), batch, isBlockedInput(), isBlockedOutput());
    }

    public int getOut() {
        return out;
    }

    public void setOut(int out) {
        this.out = out;
    }

    public int getStride() {
        return stride;
    }

    public void setStride(int stride) {
        this.stride = stride;
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
        return super.equals(o) && shape().equals(((FusedBasicBlock) o).shape());
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hash(out, stride, eps, decay);
    }
}
