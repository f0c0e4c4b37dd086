package vlfer.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One named dataset, from its manifest and the entry that names it: the reader, the root as
 * shipped, the splits used (training, validation for model selection: "" = held out, evaluated), the class subset as configured (empty = the format's own; one
 * name such as basic-7 = that class set; else class names), the label map (a table
 * name, or an inline table; empty = the format's own), the fold of a k-fold protocol (0 = none),
 * the frames sampled per clip for video sets, reader-specific options, where it was declared, and
 * whether symbolic links may lead out of a local root.
 */
public record DatasetSettings(String name, String format, String root, String trainSplit, String validationSplit,
                              List<String> evalSplits,
                              List<String> classes, String labelMap, Map<String, String> inlineLabelMap, int fold,
                              int segments, Map<String, String> options, String origin, boolean followLinksOutsideRoot)
        implements Serializable {
    public DatasetSettings {
        evalSplits = List.copyOf(evalSplits);
        classes = List.copyOf(classes);
        inlineLabelMap = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inlineLabelMap));
        options = Map.copyOf(options);
    }

    /** A dataset with the format's defaults for everything but name, format and root. */
    public static DatasetSettings of(String name, String format, String root) {
        return new DatasetSettings(name, format, root, "train", "", List.of("test"), List.of(), "", Map.of(), 0, 16, Map.of(), name, false);
    }

    public DatasetSettings withRoot(String newRoot) {
        return new DatasetSettings(name, format, newRoot, trainSplit, validationSplit, evalSplits, classes, labelMap, inlineLabelMap, fold,
                segments, options, origin, followLinksOutsideRoot);
    }

    public DatasetSettings withOption(String key, String value) {
        Map<String, String> o = new java.util.HashMap<>(options);
        o.put(key, value);
        return new DatasetSettings(name, format, root, trainSplit, validationSplit, evalSplits, classes, labelMap, inlineLabelMap, fold,
                segments, o, origin, followLinksOutsideRoot);
    }

    public DatasetSettings withFold(int f) {
        return new DatasetSettings(name, format, root, trainSplit, validationSplit, evalSplits, classes, labelMap, inlineLabelMap, f,
                segments, options, origin, followLinksOutsideRoot);
    }

    public DatasetSettings withClasses(String... c) {
        return new DatasetSettings(name, format, root, trainSplit, validationSplit, evalSplits, List.of(c), labelMap, inlineLabelMap, fold,
                segments, options, origin, followLinksOutsideRoot);
    }

    /** The configuration key of one of this dataset's settings, for error messages. */
    public String key(String leaf) {
        return "vlfer.data.datasets." + name + "." + leaf + " (" + origin + ")";
    }
}
