package vlfer.data;

import java.util.List;
import java.util.Set;
import vlfer.config.DatasetSettings;
import vlfer.data.labels.LabelMap;

/** Reads one dataset format, as its owners ship it, into the samples of a split. */
public interface DatasetReader {
    /** The format's name, splits, classes, label table, options and kind (still or clip). */
    FormatInfo info();

    /** The format name used in manifests ({@code format = rafdb}). */
    default String format() {
        return info().format();
    }

    /** The split names this format ships ({@code train}, {@code test}, ...). */
    default List<String> splits() {
        return info().splits();
    }

    /** The classes the format labels, in the order a model predicts them, unless a manifest picks a subset. */
    default LabelVocabulary defaultClasses() {
        return info().classes();
    }

    /** The format's own label table; null for unlabelled sets. */
    default LabelMap defaultLabelMap() {
        return info().labelMap();
    }

    /** Keys a manifest may set under {@code options}. */
    default Set<String> optionNames() {
        return info().options();
    }

    /** True when a sample is a clip (a folder of frames). */
    default boolean video() {
        return info().video();
    }

    /** Uses the index files under the dataset's root; images are opened only on the executors. */
    DatasetSplit read(DatasetSettings dataset, String split, DataFiles files);
}
