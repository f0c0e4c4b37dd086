package vlfer.app;

import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.AugmentSettings;
import vlfer.config.EvalSettings;
import vlfer.data.DatasetSplit;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;
import vlfer.eval.ClassificationMetrics;
import vlfer.eval.HistoryTable;
import vlfer.eval.SparkEvaluator;
import vlfer.model.ModelCard;
import vlfer.report.Formats;
import vlfer.train.Checkpoint;
import vlfer.train.CheckpointStore;

/**
 * Model selection ({@code vlfer.eval.protocol} best-on-validation or best-on-test). After each epoch
 * the averaged network is scored (WAR) on the selection split. At the end, the best epoch's
 * checkpoint is the model; the earlier epoch wins a tie. Epochs trained before a resume are scored
 * from their checkpoints.
 */
final class EpochSelection {
    private static final Logger LOG = LoggerFactory.getLogger(EpochSelection.class);

    private final EvalSettings.Protocol protocol;
    private final DatasetSplit split;
    private final SparkEvaluator evaluator;
    private final Map<Integer, Double> war = new TreeMap<>();

    EpochSelection(JavaSparkContext sc, EvalSettings.Protocol protocol, DatasetSplit split, ModelCard card, int batchSize,
                   long maxPixels) {
        this.protocol = protocol;
        this.split = split;
        this.evaluator = new SparkEvaluator(sc, new FaceImageDecoder(new HadoopConfSnapshot(sc.hadoopConfiguration()), maxPixels),
                new FacePreprocessor(card.input(), AugmentSettings.NONE, card.frames()), batchSize, sc.defaultParallelism());
    }

    /** Scores an epoch's network on the selection split; returns the score for the training history. */
    HistoryTable.Selection score(int epoch, ComputationGraph graph, boolean outputsLogits) {
        try (SparkEvaluator.Evaluation ev = evaluator.evaluate(graph, outputsLogits, split.samples(), split.vocabulary().size())) {
            ClassificationMetrics m = ClassificationMetrics.of(ev.counts());
            war.put(epoch, m.war());
            LOG.info("{}: epoch {} scores WAR {} on {}/{} ({} faces)", protocol.label(), epoch + 1,
                    Formats.pct(m.war()), split.dataset(), split.split(), split.samples().size());
            return new HistoryTable.Selection(split.dataset() + "/" + split.split(), m.war(), m.uar());
        }
    }

    /** The best epoch's checkpoint, once every epoch has a score. */
    Checkpoint best(int epochs, CheckpointStore checkpoints, Configuration hadoop, boolean outputsLogits) {
        for (int e = 0; e < epochs; e++) {
            if (!war.containsKey(e)) {
                score(e, CheckpointStore.load(hadoop, checkpoints.pathOf(e)).graph(), outputsLogits);
            }
        }
        int best = 0;
        for (Map.Entry<Integer, Double> e : war.entrySet()) {
            if (e.getValue() > war.get(best)) {
                best = e.getKey();
            }
        }
        LOG.info("{}: epoch {} of {} is the model (WAR {} on {}/{})", protocol.label(), best + 1, epochs,
                Formats.pct(war.get(best)), split.dataset(), split.split());
        return CheckpointStore.load(hadoop, checkpoints.pathOf(best));
    }
}
