package vlfer.report;

import java.util.List;

/**
 * A dataset split's evaluation as the metrics table holds it: the headline figures, per-class
 * recall, precision and support (in class order) and the confusion counts {@code [true][predicted]}.
 */
public record SplitScores(String dataset, String split, double war, double uar, double macroF1, long samples,
                          long rejected, List<String> classes, double[] recall, double[] precision, long[] support,
                          long[][] confusion) {
    public SplitScores {
        classes = List.copyOf(classes);
    }

    public String name() {
        return dataset + "/" + split;
    }
}
