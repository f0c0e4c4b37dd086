package vlfer.model.loss;

import vlfer.testing.PromptLogitsReference;

/**
 * The cliper loss written directly from METHODS.md with plain loops, independent of the SameDiff
 * graph: the mean over the batch of {@code L_margin + alpha * L_fine}, and the class scores.
 */
final class CliperLossReference {
    private CliperLossReference() {
    }

    static double[][] scores(double[][] v, double[][] u, double temperature) {
        double[][] s = new double[v.length][u.length];
        for (int i = 0; i < v.length; i++) {
            for (int r = 0; r < u.length; r++) {
                s[i][r] = PromptLogitsReference.cos(v[i], u[r]) / temperature;
            }
        }
        return s;
    }

    /** mean_k s_ck per sample and class. */
    static double[][] classScores(double[][] v, double[][] u, int classes, int k, double temperature) {
        double[][] s = scores(v, u, temperature);
        double[][] out = new double[v.length][classes];
        for (int i = 0; i < v.length; i++) {
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < k; j++) {
                    out[i][c] += s[i][c * k + j] / k;
                }
            }
        }
        return out;
    }

    static double loss(double[][] v, int[] y, double[][] u, int classes, int k, double temperature) {
        double[][] s = scores(v, u, temperature);
        int n = v.length;
        int[] best = new int[n];
        int[][] counts = new int[classes][k];
        for (int i = 0; i < n; i++) {
            int arg = 0;
            for (int j = 1; j < k; j++) {
                if (s[i][y[i] * k + j] > s[i][y[i] * k + arg]) {
                    arg = j;
                }
            }
            best[i] = arg;
            counts[y[i]][arg]++;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] margin = new double[classes];
            for (int c = 0; c < classes; c++) {
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    max = Math.max(max, s[i][c * k + j]);
                    min = Math.min(min, s[i][c * k + j]);
                }
                margin[c] = c == y[i] ? min : max;
            }
            double marginLoss = -margin[y[i]] + logSumExp(margin);

            double[] fine = new double[1 + (classes - 1) * k];
            fine[0] = s[i][y[i] * k + best[i]];
            int f = 1;
            for (int c = 0; c < classes; c++) {
                if (c != y[i]) {
                    for (int j = 0; j < k; j++) {
                        fine[f++] = s[i][c * k + j];
                    }
                }
            }
            double fineLoss = -fine[0] + logSumExp(fine);

            total += marginLoss + alpha(counts[y[i]], best[i]) * fineLoss;
        }
        return total / n;
    }

    /**
     * The balancing weight of a sample whose class's descriptors were picked {@code ny} times in the
     * batch, its own pick being {@code best}, as the released code computes it: a zero count becomes
     * m = -1/99 before anything else, so its 1/m = -99 and the sum over k includes -1/99.
     */
    static double alpha(int[] ny, int best) {
        int k = ny.length;
        double[] m = new double[k];
        double[] inverse = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            m[j] = ny[j] == 0 ? -1.0 / 99 : ny[j];
            inverse[j] = 1.0 / m[j];
            sum += m[j];
        }
        double softmaxBest = Math.exp(inverse[best] - logSumExp(inverse));
        return sum * softmaxBest / m[best];
    }

    private static double logSumExp(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double a : x) {
            m = Math.max(m, a);
        }
        double s = 0;
        for (double a : x) {
            s += Math.exp(a - m);
        }
        return m + Math.log(s);
    }

}
