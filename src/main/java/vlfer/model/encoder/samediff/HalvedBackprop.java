package vlfer.model.encoder.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * Works around DL4J 1.0.0-M2.1: a (non-output) {@code SameDiffLayer} inside a ComputationGraph
 * returns twice the true gradient, for its parameters and for its input (measured against finite
 * differences with a one-matrix layer; it compounds: a 12-block ViT would be off by 2^14). A
 * {@code SameDiffVertex} did the same to every input (found by {@code CliperTokenGradientTest}
 * before cliper's score vertex became a plain DL4J vertex).
 * {@code y/2 + stop_gradient(y)/2} is exactly {@code y} going forward and halves the gradient
 * coming back. {@code VitGradientTest} fails if a DL4J upgrade fixes the bug, so this can go then.
 */
public final class HalvedBackprop {
    private HalvedBackprop() {
    }

    public static SDVariable output(SameDiff sd, SDVariable y) {
        SDVariable frozen = new StopGradient(sd, y).outputVariable();
        return y.mul(0.5).add(frozen.mul(0.5));
    }
}
