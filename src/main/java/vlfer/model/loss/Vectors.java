package vlfer.model.loss;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Row-wise vector helpers shared by the loss layers: norms, unit rows, log-sum-exp. */
public final class Vectors {
    static final double EPS = 1e-8;

    private Vectors() {
    }

    /** The L2 norm of each row, [B, 1], kept away from zero. */
    static SDVariable norm(SameDiff sd, SDVariable x) {
        return sd.math().sqrt(x.mul(x).sum(true, 1).add(EPS * EPS));
    }

    /** Each row divided by its norm. */
    public static SDVariable unit(SameDiff sd, SDVariable x) {
        return x.div(norm(sd, x));
    }

    /** log softmax along {@code dim} (by hand: {@code sd.nn.logSoftmax} is wrong in DL4J 1.0.0-M2.1). */
    static SDVariable logSoftmax(SameDiff sd, SDVariable x, int dim) {
        return x.sub(logSumExp(sd, x, dim));
    }

    /** log(sum(exp(x))) along {@code dim}, shifted by the maximum for stability, dimension kept. */
    static SDVariable logSumExp(SameDiff sd, SDVariable x, int dim) {
        SDVariable m = x.max(true, dim);
        return sd.math().log(sd.math().exp(x.sub(m)).sum(true, dim)).add(m);
    }

    /** A copy of {@code m} with unit rows. */
    static double[][] unitRows(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (double v : m[i]) {
                s += v * v;
            }
            double inv = 1 / Math.max(Math.sqrt(s), 1e-12);
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j] * inv;
            }
        }
        return out;
    }
}
