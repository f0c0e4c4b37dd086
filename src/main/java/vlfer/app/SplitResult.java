package vlfer.app;

import java.util.List;
import vlfer.eval.ClassificationMetrics;

/** Metrics of one evaluated dataset split, with how many samples were rejected and why they were. */
public record SplitResult(String dataset, String split, List<String> classes, ClassificationMetrics metrics,
                          long rejected, String rejectsFile) {
}
