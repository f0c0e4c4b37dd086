package vlfer.model.encoder.resnet;

import vlfer.model.encoder.onednn.BlockPlan;

/**
 * ResNet's stem (conv1, bn1, ReLU, max pooling) as a single DL4J layer run by oneDNN directly
 * ({@link StemPlan}), batch norm as in {@link FusedBasicBlock}. Its input is the RGB image.
 */
public class FusedStem extends FusedNormLayer {
    /** For the configuration's JSON. */
    public FusedStem() {
    }

    public FusedStem(StemShape shape, boolean inputGradient, boolean blockedOutput) {
        super(StemShape.IN, shape.out(), shape.height(), shape.width(), inputGradient, false, blockedOutput, shape.eps(),
                shape.decay());
    }

    @Override
    public StemShape shape() {
        return new StemShape(getOut(), getHeight(), getWidth(), getEps(), getDecay());
    }

    @Override
    public BlockPlan plan(int batch) {
        return new StemPlan(shape(), batch, isInputGradient(), isBlockedOutput());
    }
}
