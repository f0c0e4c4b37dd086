package vlfer.data;

import java.util.List;
import java.util.Set;
import vlfer.data.labels.LabelMap;

/**
 * What a dataset format is: its name in manifests, the splits it ships, the classes it labels (in
 * model output order unless a manifest picks a subset), its own label table (null: unlabelled),
 * the keys a manifest may set under {@code options}, and whether a sample is a clip.
 */
public record FormatInfo(String format, List<String> splits, LabelVocabulary classes, LabelMap labelMap,
                         Set<String> options, boolean video) {
    public FormatInfo {
        splits = List.copyOf(splits);
        options = Set.copyOf(options);
    }

    /** A still-image format without reader options. */
    public static FormatInfo still(String format, List<String> splits, LabelVocabulary classes, LabelMap labelMap) {
        return new FormatInfo(format, splits, classes, labelMap, Set.of(), false);
    }
}
