package vlfer.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.data.DataFiles;
import vlfer.eval.HistoryTable;
import vlfer.eval.ParquetTables;
import vlfer.train.EpochReport;

/**
 * A run's training history, rewritten as a whole into {@code tables/history} after every epoch, so
 * a dashboard follows a run while it trains. A resumed run keeps the rows of the epochs it does
 * not train again; a fresh run replaces the run id's history.
 */
final class TrainingHistory {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingHistory.class);

    private final ParquetTables tables;
    private final HistoryTable.Source source;
    private final List<Row> rows = new ArrayList<>();
    private double elapsed;

    private TrainingHistory(ParquetTables tables, HistoryTable.Source source) {
        this.tables = tables;
        this.source = source;
    }

    /** The history of a run starting at {@code firstEpoch}: the earlier epochs' rows are read back. */
    static TrainingHistory start(SparkSession spark, ParquetTables tables, HistoryTable.Source source, int firstEpoch) {
        TrainingHistory h = new TrainingHistory(tables, source);
        if (firstEpoch > 0) {
            h.readEarlier(spark, firstEpoch);
        }
        return h;
    }

    private void readEarlier(SparkSession spark, int firstEpoch) {
        String path = tables.historyPath();
        if (!new DataFiles(spark.sparkContext().hadoopConfiguration()).exists(path)) {
            LOG.warn("history: no table at {}; the resumed run's history starts at epoch {}", path, firstEpoch + 1);
            return;
        }
        List<Row> earlier = spark.read().schema(HistoryTable.SCHEMA).parquet(path)
                .where(functions.col("run_id").equalTo(source.runId())
                        .and(functions.col("dataset").equalTo(source.dataset()))
                        .and(functions.col("split").equalTo(source.split()))
                        .and(functions.col("epoch").lt(firstEpoch)))
                .orderBy("epoch", "kind", "round").collectAsList();
        for (Row r : earlier) {
            rows.add(r);
            if (r.getAs("kind").equals("epoch")) {
                elapsed = Math.max(elapsed, r.<Double>getAs("elapsed_seconds"));
            }
        }
        LOG.info("history: kept {} rows of the {} epochs done before the resume", earlier.size(), firstEpoch);
    }

    /** Adds a finished epoch (with its selection score, or null) and rewrites the run's history. */
    void add(EpochReport report, HistoryTable.Selection selection) {
        rows.addAll(HistoryTable.rows(source, report, elapsed, selection, Instant.now()));
        elapsed += report.seconds();
        tables.writeHistory(rows);
    }
}
