package vlfer.eval;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One row per evaluated sample: its id, true and predicted class (index and name) and the
 * per-class scores (softmax of the logits, in vocabulary order). Partitioned like the metrics.
 */
public final class PredictionsTable {
    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[]{
            DataTypes.createStructField("sample_id", DataTypes.StringType, false),
            DataTypes.createStructField("label", DataTypes.IntegerType, false),
            DataTypes.createStructField("label_name", DataTypes.StringType, false),
            DataTypes.createStructField("prediction", DataTypes.IntegerType, false),
            DataTypes.createStructField("prediction_name", DataTypes.StringType, false),
            DataTypes.createStructField("scores", DataTypes.createArrayType(DataTypes.FloatType, false), false),
            DataTypes.createStructField("epoch", DataTypes.IntegerType, false),
            DataTypes.createStructField("run_id", DataTypes.StringType, false),
            DataTypes.createStructField("dataset", DataTypes.StringType, false),
            DataTypes.createStructField("split", DataTypes.StringType, false),
    });

    private PredictionsTable() {
    }

    public static Row row(EvaluationContext ctx, Prediction p, java.util.List<String> classNames) {
        Float[] scores = new Float[p.scores().length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = p.scores()[i];
        }
        return RowFactory.create(p.sampleId(), p.label(), classNames.get(p.label()), p.predicted(),
                classNames.get(p.predicted()), scores, ctx.epoch(), ctx.runId(), ctx.dataset(), ctx.split());
    }
}
