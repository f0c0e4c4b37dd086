package vlfer.app;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.LoadedSettings;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.eval.ParquetTables;
import vlfer.model.TrainingMethod;
import vlfer.model.TrainingMethods;
import vlfer.spark.SparkSessions;
import vlfer.train.CheckpointStore;
import vlfer.train.GpuSupport;

/**
 * What every stage of a training run shares: the settings (as loaded, for the masked dump and
 * config hash), the run's method, Spark, file access, the run folder and the run's lock. Closing
 * it releases the lock.
 */
record RunContext(LoadedSettings loaded, TrainingMethod method, SparkSession spark, DataFiles files, RunFolder run,
                  RunLock lock) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);

    /**
     * Checks what can be checked before any work, joins Spark, takes the run's lock, settles what an
     * earlier run of the id left ({@code start}: refuse, remove, or resume from it) and writes the
     * resolved configuration.
     */
    static RunContext open(LoadedSettings loaded, NetworkStage.Start start, boolean takeOverLock) {
        VlferSettings s = loaded.settings();
        RunSettings.check(s);
        GpuSupport.checkOnce();
        TrainingMethod method = TrainingMethods.create(s.method(), s.text());
        SparkSession spark = SparkSessions.getOrCreate(s.spark());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        RunFolder run = new RunFolder(sc.hadoopConfiguration(), s.output().dir(), s.runId());
        RunLock lock = RunLock.acquire(sc.hadoopConfiguration(), run.path(), s.runId(), "vlfer train",
                start.resumes() || takeOverLock);
        try {
            settle(RunLeftovers.find(sc.hadoopConfiguration(), run, new ParquetTables(spark, s.output().dir())), start, s,
                    sc, run);
            LOG.info("run {}: method {}, encoder {}, text encoder {}, Spark master {} ({} task slots); run folder {}",
                    s.runId(), method.label(), s.model().encoder(), s.text().encoder(), sc.master(), sc.defaultParallelism(),
                    run.path());
            run.writeText("resolved.conf", loaded.maskedDump());
            return new RunContext(loaded, method, spark, new DataFiles(sc.hadoopConfiguration()), run, lock);
        } catch (RuntimeException | Error e) {
            try {
                lock.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Fresh, resume or overwrite, never a mix: a fresh run does not start over an earlier run's files. */
    private static void settle(RunLeftovers left, NetworkStage.Start start, VlferSettings s, JavaSparkContext sc,
                               RunFolder run) {
        switch (start) {
            case FRESH -> {
                if (left.any()) {
                    throw new IllegalStateException("run " + s.runId() + " exists already (" + left.describe() + "): add"
                            + " --resume to continue it, --overwrite to replace it (its checkpoints, model, report, rejects"
                            + " and every table row of the run id are removed first), or choose another vlfer.run-id");
                }
            }
            case OVERWRITE -> left.remove(sc.hadoopConfiguration(), "--overwrite of run " + s.runId());
            case RESUME_OR_START -> {
                if (new CheckpointStore(sc.hadoopConfiguration(), run.path()).latest().isEmpty()) {
                    left.remove(sc.hadoopConfiguration(), "--resume-or-start of run " + s.runId() + " (no checkpoint to resume)");
                }
            }
            case RESUME, RESUME_ANYWAY -> {
                // NetworkStage continues from the latest checkpoint (refusing one made under other settings)
            }
        }
    }

    /** The tables, for this run's writes: staging folders of interrupted writes of abandoned runs are removed. */
    ParquetTables tables() {
        String own = settings().runId();
        String out = settings().output().dir();
        return new ParquetTables(spark, out,
                id -> id.equals(own) || !RunLock.isLive(spark.sparkContext().hadoopConfiguration(), out, id));
    }

    VlferSettings settings() {
        return loaded.settings();
    }

    JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @Override
    public void close() {
        lock.close();
    }
}
