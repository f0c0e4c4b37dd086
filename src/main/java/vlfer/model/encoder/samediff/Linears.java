package vlfer.model.encoder.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** PyTorch's {@code nn.Linear} with its weight stored as PyTorch stores it ([out, in]), and normal initialisation. */
public final class Linears {
    private Linears() {
    }

    /** {@code x W^T + b} for x [rows, in], W [out, in]; {@code bias} may be null ({@code bias=False}). */
    public static SDVariable apply(SameDiff sd, SDVariable x, SDVariable weight, SDVariable bias) {
        SDVariable y = sd.mmul(x, weight, false, true, false);
        return bias == null ? y : y.add(bias);
    }

    /** Fills {@code a} with N(0, std^2) draws from ND4J's seeded generator. */
    public static void normal(INDArray a, double std) {
        a.assign(Nd4j.randn(a.dataType(), a.shape()).muli(std));
    }
}
