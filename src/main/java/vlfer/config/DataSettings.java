package vlfer.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Which datasets a run trains on and evaluates, and how much bad data it tolerates. */
public record DataSettings(String train, List<String> evaluate, double maxRejectFraction,
                           Map<String, DatasetSettings> datasets) implements Serializable {
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
