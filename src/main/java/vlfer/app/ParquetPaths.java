package vlfer.app;

import org.apache.spark.sql.SparkSession;
import vlfer.config.VlferSettings;
import vlfer.eval.ParquetTables;

/** The qualified locations of the two tables, for summaries. */
record ParquetPaths(String metrics, String predictions) {
    static ParquetPaths of(SparkSession spark, VlferSettings s) {
        ParquetTables t = new ParquetTables(spark, s.output().dir());
        vlfer.data.DataFiles files = new vlfer.data.DataFiles(spark.sparkContext().hadoopConfiguration());
        return new ParquetPaths(files.qualify(t.metricsPath()), files.qualify(t.predictionsPath()));
    }
}
