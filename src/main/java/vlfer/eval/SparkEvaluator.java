package vlfer.eval;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.data.FaceSample;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;

/**
 * Evaluates a trained network on a split across the executors. The per-partition confusion counts
 * are merged on the driver; predictions stay distributed (for the predictions table) until
 * {@link Evaluation#close()}.
 */
public final class SparkEvaluator {
    private final JavaSparkContext sc;
    private final FaceImageDecoder decoder;
    private final FacePreprocessor preprocessor;
    private final int batchSize;
    private final int partitions;

    public SparkEvaluator(JavaSparkContext sc, FaceImageDecoder decoder, FacePreprocessor preprocessor, int batchSize,
                          int partitions) {
        this.sc = sc;
        this.decoder = decoder;
        this.preprocessor = preprocessor;
        this.batchSize = batchSize;
        this.partitions = partitions;
    }

    public Evaluation evaluate(ComputationGraph graph, boolean outputsLogits, List<FaceSample> samples, int numClasses) {
        Broadcast<String> conf = sc.broadcast(graph.getConfiguration().toJson());
        Broadcast<INDArray> params = sc.broadcast(graph.params());
        JavaRDD<Prediction> predictions = sc.parallelize(samples, Math.max(1, Math.min(partitions, samples.size())))
                .mapPartitions(new PredictFunction(conf, params, decoder, preprocessor, batchSize, outputsLogits))
                .persist(StorageLevel.MEMORY_AND_DISK());
        ConfusionCounts counts = predictions.aggregate(new ConfusionCounts(numClasses),
                (c, p) -> p.ok() ? c.add(p.label(), p.predicted()) : c,
                ConfusionCounts::merge);
        List<Prediction> failures = predictions.filter(p -> !p.ok()).collect();
        return new Evaluation(counts, predictions, failures, conf, params);
    }

    /** Counts, the distributed predictions and the samples that could not be read. Close to release them. */
    public record Evaluation(ConfusionCounts counts, JavaRDD<Prediction> predictions, List<Prediction> failures,
                             Broadcast<String> conf, Broadcast<INDArray> params) implements AutoCloseable {
        @Override
        public void close() {
            predictions.unpersist(false);
            conf.destroy();
            params.destroy();
        }
    }
}
