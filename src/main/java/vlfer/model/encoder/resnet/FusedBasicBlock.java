package vlfer.model.encoder.resnet;

import vlfer.model.encoder.onednn.BlockPlan;

/**
 * One whole ResNet basic block as a single DL4J layer run by oneDNN directly
 * ({@link BasicBlockPlan}): the same convolutions, batch norms, ReLUs and shortcut as the block
 * built from DL4J layers, with DL4J's batch-norm conventions (running statistics as parameters
 * moved by the layer, no weight decay on batch-norm parameters).
 */
public class FusedBasicBlock extends FusedNormLayer {
    private int stride;

    /** For the configuration's JSON. */
    public FusedBasicBlock() {
    }

    public FusedBasicBlock(BasicBlockShape shape, boolean blockedInput, boolean blockedOutput) {
        super(shape.in(), shape.out(), shape.height(), shape.width(), true, blockedInput, blockedOutput, shape.eps(),
                shape.decay());
        this.stride = shape.stride();
    }

    @Override
    public BasicBlockShape shape() {
        return new BasicBlockShape(getIn(), getOut(), getHeight(), getWidth(), stride, getEps(), getDecay());
    }

    @Override
    public BlockPlan plan(int batch) {
        return new BasicBlockPlan(shape(), batch, isBlockedInput(), isBlockedOutput());
    }

    public int getStride() {
        return stride;
    }

    public void setStride(int stride) {
        this.stride = stride;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && stride == ((FusedBasicBlock) o).stride;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + stride;
    }
}
