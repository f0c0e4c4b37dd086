package vlfer.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import vlfer.config.SparkSettings;

/**
 * Creates (or joins) the Spark session. Values from spark-submit, system properties or the test
 * harness win: the configured properties are only applied where nothing set them. The master is
 * never chosen here.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession getOrCreate(SparkSettings settings) {
        SparkConf conf = new SparkConf();
        conf.setIfMissing("spark.app.name", settings.appName());
        for (Map.Entry<String, String> e : settings.conf().entrySet()) {
            conf.setIfMissing(e.getKey(), e.getValue());
        }
        if (!conf.contains("spark.master")) {
            throw new IllegalStateException("no Spark master is set: launch through spark-submit (--master ...), "
                    + "or for a local run pass -Dspark.master=local[2] (the README's local command does)");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
