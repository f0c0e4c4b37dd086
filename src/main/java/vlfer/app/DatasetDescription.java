package vlfer.app;

import java.util.List;
import java.util.Map;

/** What {@code vlfer datasets describe} reports about one manifest. */
public record DatasetDescription(String manifest, String format, String root, boolean video, int fold, List<String> classes,
                                 String labelMap, List<LabelRow> labelMapping, List<SplitDescription> splits,
                                 Accounting accounting) {

    /**
     * The rows of the list files the splits read (non-blank lines after headers) against what the
     * splits made of them: samples + rejects + exclusions. Equal when every split was read.
     */
    public record Accounting(Map<String, Long> listFileRows, long rows, long accounted) {
    }

    /** One row of the resolved label mapping: the token in the files, the class, its model index (-1: not used). */
    public record LabelRow(String token, String meaning, int classIndex) {
    }

    /** Per split: samples per class, rejects and exclusions by reason, and a few rejected rows as examples. */
    public record SplitDescription(String split, long samples, Map<String, Long> samplesByClass, Map<String, Long> rejectsByReason,
                                   Map<String, Long> excludedByReason, List<String> rejectExamples, boolean imagesVerified,
                                   String overBudget) {
        public long rejects() {
            return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
