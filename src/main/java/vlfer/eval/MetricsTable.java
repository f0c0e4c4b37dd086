package vlfer.eval;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The metrics table, in long format: one row per (run, dataset, split, metric[, class[, predicted
 * class]]). Partitioned by run_id, dataset and split, so re-evaluating replaces exactly those rows.
 * Metrics: war, uar, macro_f1, samples, rejected (run-level); recall, precision, f1, support
 * (per class, with its index in the model's output order); confusion (per true x predicted class,
 * value = count).
 */
public final class MetricsTable {
    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[]{
            DataTypes.createStructField("method", DataTypes.StringType, false),
            DataTypes.createStructField("encoder", DataTypes.StringType, false),
            DataTypes.createStructField("text_encoder", DataTypes.StringType, false),
            DataTypes.createStructField("embedding_hash", DataTypes.StringType, false),
            DataTypes.createStructField("config_hash", DataTypes.StringType, false),
            DataTypes.createStructField("epoch", DataTypes.IntegerType, false),
            DataTypes.createStructField("protocol", DataTypes.StringType, false),
            DataTypes.createStructField("metric", DataTypes.StringType, false),
            DataTypes.createStructField("class_name", DataTypes.StringType, true),
            DataTypes.createStructField("class_index", DataTypes.IntegerType, true),
            DataTypes.createStructField("predicted_class", DataTypes.StringType, true),
            DataTypes.createStructField("value", DataTypes.DoubleType, true),
            DataTypes.createStructField("evaluated_at", DataTypes.TimestampType, false),
            DataTypes.createStructField("run_id", DataTypes.StringType, false),
            DataTypes.createStructField("dataset", DataTypes.StringType, false),
            DataTypes.createStructField("split", DataTypes.StringType, false),
    });
    public static final String[] PARTITION_COLUMNS = {"run_id", "dataset", "split"};

    private MetricsTable() {
    }

    public static List<Row> rows(EvaluationContext ctx, ClassificationMetrics m, List<String> classNames, long rejected) {
        List<Row> rows = new ArrayList<>();
        rows.add(row(ctx, "war", null, -1, null, m.war()));
        rows.add(row(ctx, "uar", null, -1, null, m.uar()));
        rows.add(row(ctx, "macro_f1", null, -1, null, m.macroF1()));
        rows.add(row(ctx, "samples", null, -1, null, (double) m.samples()));
        rows.add(row(ctx, "rejected", null, -1, null, (double) rejected));
        for (int i = 0; i < classNames.size(); i++) {
            String c = classNames.get(i);
            rows.add(row(ctx, "recall", c, i, null, m.recall()[i]));
            rows.add(row(ctx, "precision", c, i, null, m.precision()[i]));
            rows.add(row(ctx, "f1", c, i, null, m.f1()[i]));
            rows.add(row(ctx, "support", c, i, null, (double) m.support()[i]));
            for (int j = 0; j < classNames.size(); j++) {
                rows.add(row(ctx, "confusion", c, i, classNames.get(j), (double) m.confusion().get(i, j)));
            }
        }
        return rows;
    }

    /** A row; {@code classIndex} is the class's place in the model's output order (-1: no class). */
    public static Row row(EvaluationContext ctx, String metric, String cls, int classIndex, String predicted, double value) {
        return RowFactory.create(ctx.method(), ctx.encoder(), ctx.textEncoder(), ctx.embeddingHash(), ctx.configHash(),
                ctx.epoch(), ctx.protocol(), metric, cls, classIndex < 0 ? null : classIndex, predicted, Double.isNaN(value) ? null : value,
                Timestamp.from(ctx.evaluatedAt()), ctx.runId(), ctx.dataset(), ctx.split());
    }
}
