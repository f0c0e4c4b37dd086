package vlfer.app;

import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.data.DataFiles;
import vlfer.report.ReportPage;
import vlfer.report.RunTables;

/** Writes {@code runs/<run-id>/report.html} from the tables (after train and evaluate, and by {@code vlfer report}). */
final class RunReport {
    private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);

    private RunReport() {
    }

    /**
     * Writes the report and returns its path. After a run, a report that cannot be written does not
     * fail the run (its model and tables are complete): the reason is logged and returned instead.
     */
    static String write(SparkSession spark, String outputDir, RunFolder run) {
        try {
            return writeOrFail(spark, outputDir, run);
        } catch (RuntimeException | LinkageError | InternalError | java.awt.AWTError e) { // AWT: no fonts, no graphics
            LOG.error("the run report could not be written: {} (the model and tables are complete; write it again with "
                    + "'vlfer report --run-id {}')", Vlfer.describe(e), run.runId(), e);
            return "not written: " + e.getMessage();
        }
    }

    static String writeOrFail(SparkSession spark, String outputDir, RunFolder run) {
        long start = System.nanoTime();
        String html = ReportPage.html(new RunTables(spark, outputDir).read(run.runId()), Instant.now());
        run.writeText("report.html", html);
        String path = new DataFiles(spark.sparkContext().hadoopConfiguration()).qualify(run.path() + "/report.html");
        LOG.info("report {} ({} KB, {}s)", path, html.length() / 1024, String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return path;
    }
}
