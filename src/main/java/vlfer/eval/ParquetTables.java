package vlfer.eval;

import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the tables under {@code <output>/tables/}. Dynamic partition overwrite replaces only
 * the (run, dataset, split) partitions being written; Spark's commit protocol stages files first,
 * so a failed write leaves earlier rows intact. Every write first removes the staging folders of
 * interrupted writes whose run ids are abandoned ({@link StagingFolders}).
 */
public final class ParquetTables {
    private final SparkSession spark;
    private final String tablesDir;
    private final Predicate<String> abandoned;

    /** Tables for reading, or for writing when no run id is known to be abandoned. */
    public ParquetTables(SparkSession spark, String outputDir) {
        this(spark, outputDir, runId -> false);
    }

    /** Tables whose writes may remove staging folders holding only run ids {@code abandoned} accepts. */
    public ParquetTables(SparkSession spark, String outputDir, Predicate<String> abandoned) {
        this.spark = spark;
        this.tablesDir = outputDir.endsWith("/") ? outputDir + "tables" : outputDir + "/tables";
        this.abandoned = abandoned;
    }

    /** Every table's folder. */
    public List<String> paths() {
        return List.of(metricsPath(), predictionsPath(), historyPath());
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

    private void write(Dataset<Row> df, String path) {
        StagingFolders.removeAbandoned(spark.sparkContext().hadoopConfiguration(), path, abandoned);
        df.write()
                .mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .partitionBy(MetricsTable.PARTITION_COLUMNS)
                .parquet(path);
    }
}
