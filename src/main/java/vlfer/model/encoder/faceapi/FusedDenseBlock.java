package vlfer.model.encoder.faceapi;

import vlfer.model.encoder.onednn.BlockPlan;
import vlfer.model.encoder.onednn.FusedLayer;

/**
 * One whole face-api dense block as a single DL4J layer run by oneDNN directly
 * ({@link DenseBlockPlan}): the same four convolutions, running sums and ReLUs as the block built
 * from DL4J layers, without converting tensors between NCHW and oneDNN's layout around every
 * convolution. CPU backend only ({@link vlfer.model.encoder.onednn.Dnnl#available}).
 */
public class FusedDenseBlock extends FusedLayer {
    private boolean first;

    /** For the configuration's JSON. */
    public FusedDenseBlock() {
    }

    public FusedDenseBlock(DenseBlockShape shape, boolean inputGradient, boolean blockedInput, boolean blockedOutput) {
        super(shape.in(), shape.out(), shape.height(), shape.width(), inputGradient, blockedInput, blockedOutput);
        this.first = shape.first();
    }

    @Override
    public DenseBlockShape shape() {
        return new DenseBlockShape(getIn(), getOut(), getHeight(), getWidth(), first);
    }

    @Override
    public BlockPlan plan(int batch) {
        return new DenseBlockPlan(shape(), batch, isBlockedInput(), isBlockedOutput());
    }

    public boolean isFirst() {
        return first;
    }

    public void setFirst(boolean first) {
        this.first = first;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && first == ((FusedDenseBlock) o).first;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + (first ? 1 : 0);
    }
}
