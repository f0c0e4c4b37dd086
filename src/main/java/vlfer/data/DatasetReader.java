package vlfer.data;

import java.util.List;
import java.util.Set;
import vlfer.config.DatasetSettings;
import vlfer.data.labels.LabelMap;

/** Reads one dataset format, as its owners ship it, into the samples of a split. */
public interface DatasetReader {
    /** The format name used in manifests ({@code format = rafdb}). */
    String format();

    /** The split names this format ships ({@code train}, {@code test}, ...). */
    List<String> splits();

    /** The classes the format labels, in the order a model predicts them, unless a manifest picks a subset. */
    LabelVocabulary defaultClasses();

    /** The format's own label table; null for unlabelled sets. */
    LabelMap defaultLabelMap();

    /** Keys a manifest may set under {@code options}, with what each does. */
    default Set<String> optionNames() {
        return Set.of();
    }

    /** True when a sample is a clip (a folder of frames). */
    default boolean video() {
        return false;
    }

    /** Uses the index files under the dataset's root; images are opened only on the executors. */
    DatasetSplit read(DatasetSettings dataset, String split, DataFiles files);
}
