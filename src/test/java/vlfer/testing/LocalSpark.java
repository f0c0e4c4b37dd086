package vlfer.testing;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import vlfer.config.SettingsLoader;
import vlfer.spark.SparkSessions;

/** The test harness decides the master: an in-process local[N] session with the project's Spark settings. */
public final class LocalSpark {
    private LocalSpark() {
    }

    public static SparkSession start(int threads) {
        return start("local[" + threads + "]", new SparkConf());
    }

    /** A session on {@code master}, with the project's configured Spark properties under {@code extra}. */
    public static SparkSession start(String master, SparkConf extra) {
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        SparkConf conf = SparkSessions.conf(new SettingsLoader().load(null, List.of()).settings().spark())
                .setMaster(master)
                .setAppName("vlfer-test")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.sql.shuffle.partitions", "2");
        for (scala.Tuple2<String, String> kv : extra.getAll()) {
            conf.set(kv._1(), kv._2());
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
