package vlfer.data;

import java.util.List;
import java.util.Map;

/**
 * The samples of one split as a reader listed them, with the rows it rejected (by reason).
 * Index files are small: they are read on the driver, so that an error can name the file and line;
 * the images themselves are only ever opened on the executors.
 */
public record DatasetSplit(String dataset, String split, LabelVocabulary vocabulary, List<FaceSample> samples,
                           Map<String, Long> rejectsByReason, List<RejectedRow> rejects) {
    public DatasetSplit {
        samples = List.copyOf(samples);
        rejectsByReason = Map.copyOf(rejectsByReason);
        rejects = List.copyOf(rejects);
    }

    public long rejectCount() {
        return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
