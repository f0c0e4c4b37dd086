package vlfer.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vlfer.data.labels.LabelMap;

/**
 * The samples of one split as a reader listed them, with the rows it rejected as bad data (by
 * reason, each with file and line) and the rows the dataset's own protocol leaves out (counted by
 * reason: AffectNet's "none", a class outside the chosen subset, FERPlus rows with no majority).
 * {@code listFileRows} gives, per list file the split read, its non-blank lines after the header:
 * each is accounted exactly once over the format's splits (a sample, a reject or an exclusion).
 * Index files are small: they are read on the driver, so that an error can name the file and line;
 * the images themselves are only ever opened on the executors.
 */
public record DatasetSplit(String dataset, String split, LabelVocabulary vocabulary, LabelMap labelMap, boolean video,
                           List<FaceSample> samples, Map<String, Long> rejectsByReason, List<RejectedRow> rejects,
                           Map<String, Long> excludedByReason, Map<String, Long> listFileRows) {
    public DatasetSplit {
        listFileRows = Map.copyOf(listFileRows);
        samples = List.copyOf(samples);
        rejectsByReason = Map.copyOf(rejectsByReason);
        rejects = List.copyOf(rejects);
        excludedByReason = Map.copyOf(excludedByReason);
    }

    /** This split without {@code failed} samples, which join the rejects as {@code rows} (images that did not decode, ...). */
    public DatasetSplit withRejected(java.util.Collection<FaceSample> failed, List<RejectedRow> rows) {
        java.util.Set<FaceSample> drop = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        drop.addAll(failed);
        List<FaceSample> kept = samples.stream().filter(x -> !drop.contains(x)).toList();
        Map<String, Long> byReason = new TreeMap<>(rejectsByReason);
        rows.forEach(r -> byReason.merge(r.reason(), 1L, Long::sum));
        List<RejectedRow> allRows = new java.util.ArrayList<>(rejects);
        allRows.addAll(rows);
        return new DatasetSplit(dataset, split, vocabulary, labelMap, video, kept, byReason, allRows, excludedByReason,
                listFileRows);
    }

    /**
     * Part of this split as a split of its own, named {@code name}: {@code kept} of its samples; rejects,
     * exclusions and list rows stay with the split that read them ({@code this}).
     */
    public DatasetSplit subset(String name, List<FaceSample> kept) {
        return new DatasetSplit(dataset, name, vocabulary, labelMap, video, kept, Map.of(), List.of(), Map.of(), Map.of());
    }

    public long rejectCount() {
        return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long excludedCount() {
        return excludedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean labelled() {
        return labelMap != null;
    }

    /** Samples per class name, in vocabulary order ("unlabelled" for unlabelled sets). */
    public Map<String, Long> countsByClass() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        if (!labelled()) {
            counts.put("unlabelled", (long) samples.size());
            return counts;
        }
        for (String n : vocabulary.names()) {
            counts.put(n, 0L);
        }
        for (FaceSample s : samples) {
            counts.merge(vocabulary.get(s.label()).noun(), 1L, Long::sum);
        }
        return counts;
    }

    /** One line for logs: "train: 2800 samples, 3 rejected {missing-image=3}, 0 excluded". */
    public String summary() {
        return split + ": " + samples.size() + (video ? " clips" : " samples") + ", " + rejectCount() + " rejected "
                + new TreeMap<>(rejectsByReason) + ", " + excludedCount() + " excluded " + new TreeMap<>(excludedByReason);
    }
}
