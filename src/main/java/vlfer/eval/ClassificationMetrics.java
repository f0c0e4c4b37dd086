package vlfer.eval;

import java.util.List;

/**
 * WAR (overall accuracy), UAR (mean recall over classes present in the labels), macro-F1 and
 * per-class figures, computed from confusion counts. A class with no labelled sample has no
 * recall and is left out of UAR; its precision still counts in macro-F1 if it was predicted.
 */
public record ClassificationMetrics(long samples, double war, double uar, double macroF1,
                                    double[] recall, double[] precision, double[] f1, long[] support,
                                    ConfusionCounts confusion) {

    public static ClassificationMetrics of(ConfusionCounts c) {
        int k = c.numClasses();
        long total = c.total();
        double[] recall = new double[k];
        double[] precision = new double[k];
        double[] f1 = new double[k];
        long[] support = new long[k];
        long correct = 0;
        double recallSum = 0;
        int present = 0;
        double f1Sum = 0;
        int f1Classes = 0;
        for (int i = 0; i < k; i++) {
            long tp = c.get(i, i);
            long rowSum = 0;
            long colSum = 0;
            for (int j = 0; j < k; j++) {
                rowSum += c.get(i, j);
                colSum += c.get(j, i);
            }
            correct += tp;
            support[i] = rowSum;
            recall[i] = rowSum == 0 ? Double.NaN : (double) tp / rowSum;
            precision[i] = colSum == 0 ? (rowSum == 0 ? Double.NaN : 0.0) : (double) tp / colSum;
            if (rowSum > 0) {
                recallSum += recall[i];
                present++;
            }
            if (rowSum > 0 || colSum > 0) {
                double p = colSum == 0 ? 0 : precision[i];
                double r = rowSum == 0 ? 0 : recall[i];
                f1[i] = p + r == 0 ? 0 : 2 * p * r / (p + r);
                f1Sum += f1[i];
                f1Classes++;
            } else {
                f1[i] = Double.NaN;
            }
        }
        double war = total == 0 ? Double.NaN : (double) correct / total;
        double uar = present == 0 ? Double.NaN : recallSum / present;
        double macroF1 = f1Classes == 0 ? Double.NaN : f1Sum / f1Classes;
        return new ClassificationMetrics(total, war, uar, macroF1, recall, precision, f1, support, c);
    }

    /** A one-line summary for logs: "WAR 91.23% UAR 90.10% macro-F1 90.40% (n=1050)". */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "WAR %.2f%% UAR %.2f%% macro-F1 %.2f%% (n=%d)",
                100 * war, 100 * uar, 100 * macroF1, samples);
    }

    /** Per-class recall as "neutral 0.93, happiness 0.98, ...". */
    public String recallByClass(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < recall.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ')
                    .append(Double.isNaN(recall[i]) ? "-" : String.format(java.util.Locale.ROOT, "%.2f", recall[i]));
        }
        return sb.toString();
    }
}
