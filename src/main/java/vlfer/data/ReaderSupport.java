package vlfer.data;

import java.util.List;
import java.util.Set;
import vlfer.config.DatasetSettings;
import vlfer.data.labels.LabelMap;
import vlfer.data.labels.LabelMaps;

/** What readers share: the class subset and label map a manifest chose, split, fold and option checks. */
public final class ReaderSupport {
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp");

    private ReaderSupport() {
    }

    /** The classes a model trained on this dataset predicts. */
    public static LabelVocabulary classes(DatasetReader reader, DatasetSettings ds) {
        return ds.classes().isEmpty() ? reader.defaultClasses() : LabelVocabulary.chosen(ds.classes());
    }

    /** The manifest's inline table, else the table it names, else the format's own; null for unlabelled sets. */
    public static LabelMap labelMap(DatasetReader reader, DatasetSettings ds) {
        if (!ds.inlineLabelMap().isEmpty()) {
            return LabelMaps.inline(ds.name() + "-label-map", ds.inlineLabelMap());
        }
        if (!ds.labelMap().isEmpty()) {
            return LabelMaps.named(ds.labelMap());
        }
        return reader.defaultLabelMap();
    }

    /** A collector for {@code split}, once the split and the manifest's reader options are checked. */
    public static SplitCollector collector(DatasetReader reader, DatasetSettings ds, String split) {
        checkSplit(reader, ds, split);
        checkOptions(reader, ds);
        return new SplitCollector(ds, split, classes(reader, ds), labelMap(reader, ds), reader.video());
    }

    /**
     * Whether reading {@code split} counts the lines of a shared list file that belong to no split
     * (malformed, or naming no split): the format's first split does, so that each such line is
     * counted exactly once however many splits are read.
     */
    public static boolean countsStrayLines(DatasetReader reader, String split) {
        return reader.splits().get(0).equals(split);
    }

    public static void checkSplit(DatasetReader reader, DatasetSettings ds, String split) {
        if (!reader.splits().contains(split)) {
            throw new IllegalArgumentException("dataset '" + ds.name() + "' (format " + reader.format() + ") has no split '"
                    + split + "'; it ships " + reader.splits() + " (" + ds.key("train-split / eval-splits") + ")");
        }
    }

    /** The fold of a k-fold protocol, required to lie in 1..folds. */
    public static int fold(DatasetReader reader, DatasetSettings ds, int folds) {
        if (ds.fold() < 1 || ds.fold() > folds) {
            throw new IllegalArgumentException("dataset '" + ds.name() + "' (format " + reader.format() + ") needs fold = 1.."
                    + folds + ", got " + ds.fold() + " (" + ds.key("fold") + ")");
        }
        return ds.fold();
    }

    /** A reader option with its default, one of {@code allowed} when that is not empty. */
    public static String option(DatasetSettings ds, String key, String fallback, List<String> allowed) {
        String v = ds.options().getOrDefault(key, fallback);
        if (!allowed.isEmpty() && !allowed.contains(v)) {
            throw new IllegalArgumentException("dataset '" + ds.name() + "': option " + key + " = '" + v + "' must be one of "
                    + allowed + " (" + ds.key("options." + key) + ")");
        }
        return v;
    }

    /** Refuses option keys the reader does not know. */
    public static void checkOptions(DatasetReader reader, DatasetSettings ds) {
        for (String k : ds.options().keySet()) {
            if (!reader.optionNames().contains(k)) {
                throw new IllegalArgumentException("dataset '" + ds.name() + "': unknown option '" + k + "' for format "
                        + reader.format() + "; known: " + new java.util.TreeSet<>(reader.optionNames()) + " (" + ds.key("options") + ")");
            }
        }
    }

    /** Counts each entry a listing refused (a link out of the root, a FIFO) as a reject with its reason. */
    public static void rejectRefused(SplitCollector rows, FileListing listing) {
        listing.refused().forEach((rel, reason) -> rows.reject(listing.dir() + "/" + rel, 0, reason,
                "refused by the listing and never opened (" + reason + ")"));
    }

    public static boolean isImageFile(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /** The file name without its extension. */
    public static String stem(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return name.substring(slash + 1, dot > slash ? dot : name.length());
    }
}
