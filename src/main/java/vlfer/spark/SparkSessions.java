package vlfer.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.SparkSettings;

/**
 * Creates or joins the Spark session. Values from spark-submit, system properties or the test
 * harness win: the configured properties are only applied where nothing set them. The master is
 * never chosen here.
 */
public final class SparkSessions {
    private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);

    private SparkSessions() {
    }

    /** spark-submit's / the JVM's {@code spark.*} properties, completed with the configured ones. */
    public static SparkConf conf(SparkSettings settings) {
        SparkConf conf = new SparkConf();
        conf.setIfMissing("spark.app.name", settings.appName());
        for (Map.Entry<String, String> e : settings.conf().entrySet()) {
            conf.setIfMissing(e.getKey(), e.getValue());
        }
        return conf;
    }

    /** The running session if there is one (a notebook, a test harness), else a new one. */
    public static SparkSession getOrCreate(SparkSettings settings) {
        scala.Option<SparkSession> active = SparkSession.getActiveSession();
        if (active.isEmpty()) {
            active = SparkSession.getDefaultSession();
        }
        if (active.isDefined() && !active.get().sparkContext().isStopped()) {
            SparkSession running = active.get();
            String registrator = running.sparkContext().getConf().get("spark.kryo.registrator", "");
            if (!registrator.contains(VlferKryoRegistrator.class.getName())) {
                LOG.warn("joining a running Spark session whose spark.kryo.registrator ({}) lacks {}: records will not "
                        + "serialise with Kryo", registrator, VlferKryoRegistrator.class.getName());
            }
            return running;
        }
        SparkConf conf = conf(settings);
        if (!conf.contains("spark.master")) {
            throw new IllegalStateException("no Spark master is set: launch through spark-submit (--master ...), "
                    + "or for a local run pass -Dspark.master=local[2] (the README's local command does)");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
