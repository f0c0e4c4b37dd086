package vlfer.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.AugmentSettings;
import vlfer.config.DatasetSettings;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetReader;
import vlfer.data.DatasetFormats;
import vlfer.data.DatasetSplit;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.ReaderSupport;
import vlfer.data.RejectedRow;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;
import vlfer.eval.ClassificationMetrics;
import vlfer.eval.EvaluationContext;
import vlfer.eval.MetricsTable;
import vlfer.eval.ParquetTables;
import vlfer.eval.Prediction;
import vlfer.eval.PredictionsTable;
import vlfer.eval.SparkEvaluator;
import vlfer.model.ModelCard;

/** Evaluates a model on every configured dataset split and writes the tables and rejects files. */
final class EvaluationStage {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationStage.class);

    private EvaluationStage() {
    }

    static List<SplitResult> run(SparkSession spark, ComputationGraph graph, ModelCard card, VlferSettings s,
                                 RunFolder run, String protocol, ParquetTables tables) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        DataFiles files = new DataFiles(sc.hadoopConfiguration());
        FaceImageDecoder decoder = new FaceImageDecoder(new HadoopConfSnapshot(sc.hadoopConfiguration()),
                s.data().maxImagePixels());
        FacePreprocessor preprocessor = new FacePreprocessor(card.input(), AugmentSettings.NONE, card.frames());
        SparkEvaluator evaluator = new SparkEvaluator(sc, decoder, preprocessor, s.train().batchSizePerWorker(),
                sc.defaultParallelism());
        List<SplitResult> results = new ArrayList<>();
        for (DatasetSettings ds : s.data().evalDatasets()) {
            DatasetReader reader = DatasetFormats.reader(ds.format());
            List<String> names = ReaderSupport.classes(reader, ds).names();
            if (!names.equals(card.classes())) {
                throw new IllegalArgumentException("dataset '" + ds.name() + "' is labelled " + names
                        + " but the model predicts " + card.classes() + " (set vlfer.data.datasets." + ds.name()
                        + ".classes to the model's classes to evaluate it)");
            }
            if (reader.video() != (card.frames() > 1)) {
                throw new IllegalArgumentException("dataset '" + ds.name() + "' holds " + (reader.video() ? "clips" : "still images")
                        + " but the model was trained on " + (card.frames() > 1 ? "clips" : "still images"));
            }
            for (String split : ds.evalSplits()) {
                DatasetSplit data = reader.read(ds, split, files);
                if (!data.labelled()) {
                    throw new IllegalArgumentException("dataset '" + ds.name() + "' is unlabelled: it cannot be evaluated (vlfer.data.evaluate)");
                }
                LOG.info("dataset {}/{}", ds.name(), data.summary());
                results.add(evaluateSplit(data, graph, card, s, run, protocol, evaluator, tables));
            }
        }
        return results;
    }

    private static SplitResult evaluateSplit(DatasetSplit split, ComputationGraph graph, ModelCard card, VlferSettings s,
                                             RunFolder run, String protocol, SparkEvaluator evaluator, ParquetTables tables) {
        long start = System.nanoTime();
        List<String> names = card.classes();
        try (SparkEvaluator.Evaluation ev = evaluator.evaluate(graph, card.outputsLogits(), split.samples(), names.size())) {
            List<RejectedRow> rejects = new ArrayList<>(split.rejects());
            for (Prediction p : ev.failures()) {
                rejects.add(new RejectedRow(split.dataset(), p.imagePath(), 0, p.failure(), p.failureDetail()));
            }
            String rejectsFile = run.recordRejects(split.dataset(), split.split(), rejects, ev.counts().total(),
                    s.data().maxRejectFraction());
            ClassificationMetrics m = ClassificationMetrics.of(ev.counts());
            EvaluationContext ctx = new EvaluationContext(card.runId(), card.method(), card.encoder(), card.textEncoder(),
                    card.embeddingHash(), card.configHash(), card.epoch(), protocol, split.dataset(), split.split(),
                    Instant.now());
            tables.writeMetrics(MetricsTable.rows(ctx, m, names, rejects.size()));
            if (s.output().predictions()) {
                tables.writePredictions(ev.predictions().filter(Prediction::ok).map(p -> PredictionsTable.row(ctx, p, names)));
            }
            LOG.info("evaluated {}/{}: {} in {}s ({} rejected)", split.dataset(), split.split(), m.summary(),
                    String.format("%.1f", (System.nanoTime() - start) / 1e9), rejects.size());
            return new SplitResult(split.dataset(), split.split(), names, m, rejects.size(), rejectsFile);
        }
    }
}
