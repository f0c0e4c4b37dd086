package vlfer.testing;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vlfer.eval.ParquetTables;

/**
 * A separate JVM that writes many prediction rows of one run into {@code <output>/tables/predictions},
 * for a test to kill (SIGKILL) in the middle of the write: {@code SlowTableWrite OUTPUT RUN_ID ROWS}.
 * The rows are made inside the write's task, so its part file is open for as long as it runs.
 */
public final class SlowTableWrite {
    private SlowTableWrite() {
    }

    public static void main(String[] args) {
        SparkSession spark = LocalSpark.start(1);
        String runId = args[1];
        int n = Integer.parseInt(args[2]);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(0), 1)
                .flatMap(x -> java.util.stream.IntStream.range(0, n).mapToObj(i -> row(runId, i)).iterator());
        System.out.println("writing " + n + " rows");
        new ParquetTables(spark, args[0]).writePredictions(rows);
        System.out.println("written");
        spark.stop();
    }

    private static Row row(String runId, int i) {
        return RowFactory.create("sample-" + i, i % 7, "c" + (i % 7), (i + 1) % 7, "c" + ((i + 1) % 7),
                new Float[]{0.1f, 0.2f, 0.1f, 0.2f, 0.1f, 0.2f, 0.1f}, 0, runId, "synthetic", "test");
    }
}
