package vlfer.eval;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vlfer.train.EpochReport;
import vlfer.train.RoundStats;

/**
 * The training history: one row per averaging round ({@code kind = round}) and one per epoch
 * ({@code kind = epoch}) of a run, partitioned like the metrics by run_id and the training
 * dataset and split. Epoch rows carry the selection split's WAR and UAR when the protocol scores
 * epochs ({@code best-on-validation}, {@code best-on-test}).
 */
public final class HistoryTable {
    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[]{
            DataTypes.createStructField("method", DataTypes.StringType, false),
            DataTypes.createStructField("encoder", DataTypes.StringType, false),
            DataTypes.createStructField("kind", DataTypes.StringType, false),
            DataTypes.createStructField("epoch", DataTypes.IntegerType, false),
            DataTypes.createStructField("round", DataTypes.IntegerType, true),
            DataTypes.createStructField("rounds", DataTypes.IntegerType, false),
            DataTypes.createStructField("loss", DataTypes.DoubleType, true),
            DataTypes.createStructField("learning_rate", DataTypes.DoubleType, false),
            DataTypes.createStructField("stage_learning_rates",
                    DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), false),
            DataTypes.createStructField("faces", DataTypes.LongType, false),
            DataTypes.createStructField("faces_skipped", DataTypes.LongType, false),
            DataTypes.createStructField("images_per_second", DataTypes.DoubleType, false),
            DataTypes.createStructField("seconds", DataTypes.DoubleType, false),
            DataTypes.createStructField("elapsed_seconds", DataTypes.DoubleType, false),
            DataTypes.createStructField("selection_split", DataTypes.StringType, true),
            DataTypes.createStructField("selection_war", DataTypes.DoubleType, true),
            DataTypes.createStructField("selection_uar", DataTypes.DoubleType, true),
            DataTypes.createStructField("recorded_at", DataTypes.TimestampType, false),
            DataTypes.createStructField("run_id", DataTypes.StringType, false),
            DataTypes.createStructField("dataset", DataTypes.StringType, false),
            DataTypes.createStructField("split", DataTypes.StringType, false),
    });

    private HistoryTable() {
    }

    /** Which run trained on what, for every row of its history. */
    public record Source(String runId, String method, String encoder, String dataset, String split) {
    }

    /** An epoch's selection score: the split scored and its WAR and UAR. */
    public record Selection(String split, double war, double uar) {
    }

    /**
     * The rows of one finished epoch: its rounds, then the epoch itself. {@code elapsedBefore} is the
     * training time of the run's earlier epochs (so elapsed time adds up across a resume);
     * {@code selection} is null when the protocol does not score epochs.
     */
    public static List<Row> rows(Source src, EpochReport r, double elapsedBefore, Selection selection, Instant at) {
        List<Row> rows = new ArrayList<>(r.rounds().size() + 1);
        double previous = 0;
        for (RoundStats round : r.rounds()) {
            double seconds = round.secondsIntoEpoch() - previous;
            previous = round.secondsIntoEpoch();
            rows.add(row(src, "round", r, round.round(), round.loss(), round.faces(), 0, rate(round.faces(), seconds),
                    seconds, elapsedBefore + round.secondsIntoEpoch(), null, at));
        }
        rows.add(row(src, "epoch", r, null, r.score(), r.images(), r.skippedImages(), r.imagesPerSecond(), r.seconds(),
                elapsedBefore + r.seconds(), selection, at));
        return rows;
    }

    private static Row row(Source src, String kind, EpochReport r, Integer round, double loss, long faces, long skipped,
                           double imagesPerSecond, double seconds, double elapsed, Selection sel, Instant at) {
        return RowFactory.create(src.method(), src.encoder(), kind, r.epoch(), round, r.rounds().size(),
                Double.isNaN(loss) ? null : loss, r.learningRate(), new java.util.TreeMap<>(r.stageRates()), faces, skipped,
                imagesPerSecond, seconds, elapsed, sel == null ? null : sel.split(), sel == null ? null : sel.war(),
                sel == null ? null : sel.uar(), Timestamp.from(at), src.runId(), src.dataset(), src.split());
    }

    private static double rate(long faces, double seconds) {
        return seconds > 0 ? faces / seconds : 0;
    }
}
