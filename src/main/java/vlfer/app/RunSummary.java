package vlfer.app;

import java.util.List;

/** What train/evaluate return (and print): where things were written and the metrics. */
public record RunSummary(String runId, String method, String encoder, String runDir, String modelPath,
                         String metricsTable, String predictionsTable, String historyTable, String reportPath,
                         int epochsTrained, double trainImagesPerSecond,
                         double finalLoss, double wallSeconds, List<SplitResult> results) {
    public RunSummary {
        results = List.copyOf(results);
    }

    public SplitResult result(String dataset, String split) {
        return results.stream().filter(r -> r.dataset().equals(dataset) && r.split().equals(split)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + dataset + "/" + split));
    }
}
