package vlfer.config;

import java.io.Serializable;
import java.util.List;

/** One named dataset: its reader, its root as shipped, and the splits used. */
public record DatasetSettings(String name, String format, String root, String trainSplit, List<String> evalSplits)
        implements Serializable {
    public DatasetSettings {
        evalSplits = List.copyOf(evalSplits);
    }
}
