package vlfer.eval;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the tables under {@code <output>/tables/}. Dynamic partition overwrite replaces only
 * the (run, dataset, split) partitions being written; Spark's commit protocol stages files first,
 * so a failed write leaves earlier rows intact.
 */
public final class ParquetTables {
    private final SparkSession spark;
    private final String tablesDir;

    public ParquetTables(SparkSession spark, String outputDir) {
        this.spark = spark;
        this.tablesDir = outputDir.endsWith("/") ? outputDir + "tables" : outputDir + "/tables";
    }

    public String metricsPath() {
        return tablesDir + "/metrics";
    }

    public String predictionsPath() {
        return tablesDir + "/predictions";
    }

    public String historyPath() {
        return tablesDir + "/history";
    }

    public void writeMetrics(List<Row> rows) {
        write(spark.createDataFrame(rows, MetricsTable.SCHEMA), metricsPath());
    }

    public void writePredictions(JavaRDD<Row> rows) {
        write(spark.createDataFrame(rows, PredictionsTable.SCHEMA), predictionsPath());
    }

    public void writeHistory(List<Row> rows) {
        write(spark.createDataFrame(rows, HistoryTable.SCHEMA), historyPath());
    }

    private static void write(Dataset<Row> df, String path) {
        df.write()
                .mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .partitionBy(MetricsTable.PARTITION_COLUMNS)
                .parquet(path);
    }
}
