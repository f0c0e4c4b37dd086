package vlfer.report;

import java.util.List;

/**
 * Everything the report shows of one run, read from the tables and the run folder: provenance,
 * training history, every evaluated split, the most confident mistakes (empty when predictions
 * were not kept) and the rejects files.
 */
public record RunRecord(RunFacts facts, List<HistoryPoint> history, List<SplitScores> splits, List<Mistake> mistakes,
                        boolean predictionsKept, List<RejectCounts> rejects) {
    public RunRecord {
        history = List.copyOf(history);
        splits = List.copyOf(splits);
        mistakes = List.copyOf(mistakes);
        rejects = List.copyOf(rejects);
    }

    public List<HistoryPoint> epochs() {
        return history.stream().filter(HistoryPoint::isEpoch).toList();
    }

    public List<HistoryPoint> rounds() {
        return history.stream().filter(p -> !p.isEpoch()).toList();
    }
}
