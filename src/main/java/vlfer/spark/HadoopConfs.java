package vlfer.spark;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A Hadoop configuration for work done without a SparkContext (describing a dataset): the
 * {@code spark.hadoop.*} entries of vlfer.spark.conf applied as Spark would apply them.
 */
public final class HadoopConfs {
    private static final String PREFIX = "spark.hadoop.";

    private HadoopConfs() {
    }

    public static Configuration fromSparkConf(Map<String, String> sparkConf) {
        Configuration conf = new Configuration();
        sparkConf.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                conf.set(k.substring(PREFIX.length()), v);
            }
        });
        return conf;
    }
}
