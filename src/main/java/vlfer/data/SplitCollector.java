package vlfer.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vlfer.config.DatasetSettings;
import vlfer.data.labels.LabelMap;
import vlfer.data.source.FaceSource;

/**
 * What every reader does with a row: map its label token through the label map, check it against
 * the class subset, refuse duplicates, and count every row it does not keep, by reason. Nothing
 * is dropped without a count.
 */
public final class SplitCollector {
    private final DatasetSettings dataset;
    private final String split;
    private final LabelVocabulary vocabulary;
    private final LabelMap labelMap;
    private final boolean video;
    private final List<FaceSample> samples = new ArrayList<>();
    private final List<RejectedRow> rejects = new ArrayList<>();
    private final Map<String, Long> rejectsByReason = new TreeMap<>();
    private final Map<String, Long> excludedByReason = new TreeMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Long> listFileRows = new TreeMap<>();

    public SplitCollector(DatasetSettings dataset, String split, LabelVocabulary vocabulary, LabelMap labelMap, boolean video) {
        this.dataset = dataset;
        this.split = split;
        this.vocabulary = vocabulary;
        this.labelMap = labelMap;
        this.video = video;
    }

    /**
     * Records list file {@code file}, whose lines from {@code first} on (after its header) are rows:
     * the non-blank ones are what the format's splits account for between them.
     */
    public void listFile(String file, List<String> lines, int first) {
        listFileRows.put(file, lines.stream().skip(first).filter(l -> !l.isBlank()).count());
    }

    /** Records a list file with {@code rows} rows to account for (e.g. only the stray lines of a paired file). */
    public void listFile(String file, long rows) {
        listFileRows.put(file, rows);
    }

    /** A row that is bad data: counted against max-reject-fraction and written to the rejects file. */
    public void reject(String file, long line, String reason, String detail) {
        rejects.add(new RejectedRow(dataset.name(), file, line, reason, detail));
        rejectsByReason.merge(reason, 1L, Long::sum);
    }

    /** A row the dataset's protocol leaves out: counted and reported, not an error. */
    public void exclude(String reason) {
        excludedByReason.merge(reason, 1L, Long::sum);
    }

    /** False (and a duplicate-row reject) when {@code key} was already taken. */
    public boolean firstSeen(String key, String file, long line) {
        if (seen.add(key)) {
            return true;
        }
        reject(file, line, "duplicate-row", key + " is listed more than once");
        return false;
    }

    /** Maps {@code token} and keeps the sample when it is a class of the subset. */
    public void add(String id, String token, FaceSource source, String file, long line) {
        LabelMap.Outcome outcome = labelMap.lookup(token);
        if (outcome instanceof LabelMap.Known k) {
            if (vocabulary.contains(k.expression())) {
                samples.add(new FaceSample(dataset.name(), split, id, vocabulary.indexOf(k.expression()), source));
            } else {
                exclude("class-not-in-subset:" + k.expression().noun());
            }
        } else if (outcome instanceof LabelMap.Excluded x) {
            exclude(x.reason());
        } else {
            reject(file, line, "unknown-label",
                    "label '" + token + "' is not in the " + labelMap.name() + " table (" + labelMap.tokens() + ")");
        }
    }

    /** Keeps a sample of an unlabelled set. */
    public void addUnlabelled(String id, FaceSource source) {
        samples.add(new FaceSample(dataset.name(), split, id, FaceSample.UNLABELLED, source));
    }

    public DatasetSplit build(String whereRowsCameFrom) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + dataset.name() + "': no usable '" + split + "' samples in "
                    + whereRowsCameFrom + " (" + rejects.size() + " rejected " + rejectsByReason + ", excluded "
                    + excludedByReason + ")");
        }
        return new DatasetSplit(dataset.name(), split, vocabulary, labelMap, video, samples, rejectsByReason, rejects,
                excludedByReason, listFileRows);
    }
}
