package vlfer.model.encoder.resnet;

import java.util.Objects;
import vlfer.model.encoder.onednn.FusedLayer;

/** A fused layer with batch norms: their {@code eps} and running-statistics {@code decay}. */
public abstract class FusedNormLayer extends FusedLayer {
    private double eps;
    private double decay;

    /** For the configuration's JSON. */
    protected FusedNormLayer() {
    }

    protected FusedNormLayer(int in, int out, int height, int width, boolean inputGradient, boolean blockedInput,
                             boolean blockedOutput, double eps, double decay) {
        super(in, out, height, width, inputGradient, blockedInput, blockedOutput);
        this.eps = eps;
        this.decay = decay;
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
        return super.equals(o) && eps == ((FusedNormLayer) o).eps && decay == ((FusedNormLayer) o).decay;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hash(eps, decay);
    }
}
