package vlfer.config;

import java.io.Serializable;
import java.util.Map;

/** Spark properties applied with setIfMissing, so spark-submit's values win. */
public record SparkSettings(String appName, Map<String, String> conf) implements Serializable {
    public SparkSettings {
        conf = Map.copyOf(conf);
    }
}
