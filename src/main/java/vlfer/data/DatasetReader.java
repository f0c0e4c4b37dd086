package vlfer.data;

import vlfer.config.DatasetSettings;

/** Reads one dataset format, as its owners ship it, into the samples of a split. */
public interface DatasetReader {
    /** The format name used in configuration ({@code format = rafdb}). */
    String format();

    /** The classes this format labels, in the order a model predicts them. */
    LabelVocabulary vocabulary();

    DatasetSplit read(DatasetSettings dataset, String split, DataFiles files);
}
