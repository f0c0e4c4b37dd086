package vlfer.model.loss;

/**
 * ke2nt's loss written out in plain double arithmetic, straight from the method's definition, as
 * an independent check of the SameDiff layer.
 */
final class Ke2ntLossReference {
    private Ke2ntLossReference() {
    }

    static double loss(double[][] e, int[] labels, double[][] t, int neutral, double[][] w1, double[] b1, double[][] w2,
                       double[] b2, double s, double ls, double lt, double lc, LcForm form) {
        int batch = e.length;
        int classes = t.length;
        double[][] tn = new double[classes][];
        for (int c = 0; c < classes; c++) {
            tn[c] = unit(t[c]);
        }
        double lsSum = 0;
        for (int i = 0; i < batch; i++) {
            double[] z = new double[classes];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                z[c] = s * cos(e[i], tn[c]);
                max = Math.max(max, z[c]);
            }
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(v - max);
            }
            lsSum += -(z[labels[i]] - max - Math.log(sum));
        }
        double[][] n = new double[batch][];
        for (int i = 0; i < batch; i++) {
            double[] h = new double[b1.length];
            for (int k = 0; k < h.length; k++) {
                double v = b1[k];
                for (int d = 0; d < e[i].length; d++) {
                    v += e[i][d] * w1[d][k];
                }
                h[k] = Math.max(0, v);
            }
            n[i] = new double[e[i].length];
            for (int d = 0; d < n[i].length; d++) {
                double v = b2[d];
                for (int k = 0; k < h.length; k++) {
                    v += h[k] * w2[k][d];
                }
                n[i][d] = v;
            }
        }
        int m = 0;
        double ltSum = 0;
        double lcDiag = 0;
        for (int i = 0; i < batch; i++) {
            if (labels[i] == neutral) {
                continue;
            }
            m++;
            double[] dImg = sub(e[i], n[i]);
            double[] dText = sub(tn[labels[i]], tn[neutral]);
            ltSum += 1 - cos(dImg, dText);
            lcDiag += cos(tn[labels[i]], n[i]) - cos(tn[labels[i]], e[i]) + 2;
        }
        double ltMean = m == 0 ? 0 : ltSum / m;
        double lcMean;
        if (form == LcForm.DIAGONAL) {
            lcMean = m == 0 ? 0 : lcDiag / m;
        } else {
            double total = 0;
            for (int i = 0; i < batch; i++) {
                for (int j = 0; j < batch; j++) {
                    if (labels[i] == neutral || labels[j] == neutral) {
                        continue;
                    }
                    total += cos(tn[labels[i]], n[j]) - cos(tn[labels[i]], e[j]) + 2;
                }
            }
            lcMean = m == 0 ? 0 : total / ((double) m * m);
        }
        return ls * lsSum / batch + lt * ltMean + lc * lcMean;
    }

    private static double[] sub(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    private static double[] unit(double[] a) {
        double n = Math.sqrt(dot(a, a));
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / n;
        }
        return r;
    }

    private static double cos(double[] a, double[] b) {
        return dot(a, b) / (Math.sqrt(dot(a, a)) * Math.sqrt(dot(b, b)));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
