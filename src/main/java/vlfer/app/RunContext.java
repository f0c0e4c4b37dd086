package vlfer.app;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.LoadedSettings;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.model.TrainingMethod;
import vlfer.model.TrainingMethods;
import vlfer.spark.SparkSessions;

/**
 * What every stage of a training run shares: the settings (as loaded, for the masked dump and
 * config hash), the run's method, Spark, file access and the run folder.
 */
record RunContext(LoadedSettings loaded, TrainingMethod method, SparkSession spark, DataFiles files, RunFolder run) {
    private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);

    /** Checks what can be checked before any work, joins Spark, and writes the resolved configuration. */
    static RunContext open(LoadedSettings loaded) {
        VlferSettings s = loaded.settings();
        RunSettings.check(s);
        TrainingMethod method = TrainingMethods.create(s.method());
        SparkSession spark = SparkSessions.getOrCreate(s.spark());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        RunFolder run = new RunFolder(sc.hadoopConfiguration(), s.output().dir(), s.runId());
        LOG.info("run {}: method {}, encoder {}, text encoder {}, Spark master {} ({} task slots); run folder {}",
                s.runId(), method.label(), s.model().encoder(), s.text().encoder(), sc.master(), sc.defaultParallelism(),
                run.path());
        run.writeText("resolved.conf", loaded.maskedDump());
        return new RunContext(loaded, method, spark, new DataFiles(sc.hadoopConfiguration()), run);
    }

    VlferSettings settings() {
        return loaded.settings();
    }

    JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(spark.sparkContext());
    }
}
