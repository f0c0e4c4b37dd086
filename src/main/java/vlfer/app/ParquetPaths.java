package vlfer.app;

import org.apache.spark.sql.SparkSession;
import vlfer.eval.ParquetTables;

/** The qualified locations of the tables, for summaries. */
record ParquetPaths(String metrics, String predictions, String history) {
    static ParquetPaths of(SparkSession spark, String outputDir) {
        ParquetTables t = new ParquetTables(spark, outputDir);
        vlfer.data.DataFiles files = new vlfer.data.DataFiles(spark.sparkContext().hadoopConfiguration());
        return new ParquetPaths(files.qualify(t.metricsPath()), files.qualify(t.predictionsPath()),
                files.qualify(t.historyPath()));
    }
}
