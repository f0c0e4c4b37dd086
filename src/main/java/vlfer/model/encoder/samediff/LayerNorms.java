package vlfer.model.encoder.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/** PyTorch's {@code nn.LayerNorm} (eps 1e-5, biased variance) over the last axis, and its parameters' initial values. */
public final class LayerNorms {
    public static final double EPS = 1e-5;

    private LayerNorms() {
    }

    /** {@code x}: [..., width]; {@code gain}, {@code bias}: [1, width]. */
    public static SDVariable apply(SameDiff sd, SDVariable x, SDVariable gain, SDVariable bias, int rank, long width) {
        int last = rank - 1;
        SDVariable centred = x.sub(x.mean(true, last));
        SDVariable variance = centred.mul(centred).mean(true, last);
        long[] shape = new long[rank];
        java.util.Arrays.fill(shape, 1);
        shape[last] = width;
        return centred.div(sd.math.sqrt(variance.add(EPS))).mul(gain.reshape(shape)).add(bias.reshape(shape));
    }

    /** Gain 1, bias 0. */
    public static void reset(INDArray gain, INDArray bias) {
        gain.assign(1);
        bias.assign(0);
    }
}
