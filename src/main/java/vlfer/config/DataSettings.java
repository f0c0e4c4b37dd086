package vlfer.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Which datasets a run trains on and evaluates, how much bad data it tolerates, the largest image
 * (in pixels) a decoder accepts, and whether a training split may lack classes (fewer than two, or
 * a class the evaluated splits have).
 */
public record DataSettings(String train, List<String> evaluate, double maxRejectFraction,
                           Map<String, DatasetSettings> datasets, long maxImagePixels, boolean allowMissingClasses)
        implements Serializable {
    public DataSettings {
        evaluate = List.copyOf(evaluate);
        datasets = Map.copyOf(datasets);
    }

    public DatasetSettings trainDataset() {
        return datasets.get(train);
    }

    public List<DatasetSettings> evalDatasets() {
        return evaluate.stream().map(datasets::get).toList();
    }
}
