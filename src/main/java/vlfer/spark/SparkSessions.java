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
    private static final String HADOOP_PREFIX = "spark.hadoop.";

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

    /**
     * A joined session was built without vlfer's {@code spark.hadoop.*} entries (S3A endpoint,
     * credentials provider...): those its own conf does not set go into its Hadoop configuration,
     * as Spark would have put them there. Values are not logged (they may be credentials).
     */
    private static void applyHadoopSettings(SparkSession running, SparkSettings settings) {
        SparkConf own = running.sparkContext().getConf();
        java.util.List<String> applied = new java.util.ArrayList<>();
        for (Map.Entry<String, String> e : settings.conf().entrySet()) {
            if (e.getKey().startsWith(HADOOP_PREFIX) && !own.contains(e.getKey())) {
                running.sparkContext().hadoopConfiguration().set(e.getKey().substring(HADOOP_PREFIX.length()), e.getValue());
                applied.add(e.getKey().substring(HADOOP_PREFIX.length()));
            }
        }
        if (!applied.isEmpty()) {
            LOG.info("joined a running Spark session; set in its Hadoop configuration: {}", applied);
        }
    }

    /**
     * A session for commands that only read and write the tables (report, runs, gate, promote): the
     * running one or spark-submit's if there is one, else Spark in this JVM ({@code local[2]}, no UI).
     */
    public static SparkSession forTables(SparkSettings settings) {
        if (SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty()
                && !new SparkConf().contains("spark.master")) {
            SparkConf conf = conf(settings).setMaster("local[2]").set("spark.ui.enabled", "false");
            return SparkSession.builder().config(conf).getOrCreate();
        }
        return getOrCreate(settings);
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
            applyHadoopSettings(running, settings);
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
