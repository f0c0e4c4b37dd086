package vlfer.testing;

import org.apache.spark.sql.SparkSession;

/** The test harness decides the master: an in-process local[N] session with the project's Spark settings. */
public final class LocalSpark {
    private LocalSpark() {
    }

    public static SparkSession start(int threads) {
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
        return SparkSession.builder()
                .master("local[" + threads + "]")
                .appName("vlfer-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
