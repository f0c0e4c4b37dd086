package vlfer.app;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.VlferSettings;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.RejectedRow;
import vlfer.data.TrainingBatches;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;
import vlfer.eval.HistoryTable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import vlfer.model.ModelCard;
import vlfer.train.Checkpoint;
import vlfer.train.EpochLoop;
import vlfer.train.EpochTotals;
import vlfer.train.LayerRates;
import vlfer.train.TrainingData;

/** Stage 3, train: the epochs left on Spark, a checkpoint after each, then the final model file. */
final class TrainingStage {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingStage.class);

    private TrainingStage() {
    }

    /** What training left: the final model's card and path, and the epochs' totals. */
    record Trained(ComputationGraph graph, ModelCard card, String modelPath, EpochTotals totals) {
    }

    static Trained run(RunContext ctx, TrainingSetStage.TrainingSet set, NetworkStage.Network net) {
        VlferSettings s = ctx.settings();
        EpochTotals totals = new EpochTotals();
        EpochSelection selection = set.selection() == null ? null : new EpochSelection(ctx.sc(), s.eval().protocol(),
                set.selection(), net.card(), s.train().batchSizePerWorker(), s.data().maxImagePixels());
        boolean logits = ctx.method().outputsLogits();
        if (ctx.method().trains()) {
            FaceImageDecoder decoder = new FaceImageDecoder(new HadoopConfSnapshot(ctx.sc().hadoopConfiguration()),
                    s.data().maxImagePixels());
            FacePreprocessor preprocessor = new FacePreprocessor(net.card().input(), s.augment(), net.card().frames());
            TrainingData data = new TrainingData(set.split().samples(), set.supervision().labels(),
                    new TrainingBatches(decoder, preprocessor, s.seed()));
            TrainingHistory history = TrainingHistory.start(ctx.spark(), ctx.tables(), new HistoryTable.Source(s.runId(),
                    ctx.method().label(), s.model().encoder(), set.split().dataset(), set.split().split()), net.firstEpoch());
            LayerRates rates = LayerRates.of(ctx.method()::learningRate, ctx.method()::stage);
            EpochLoop.onSpark(ctx.sc(), s.train(), s.seed(), rates).fit(net.graph(), data, net.firstEpoch(), report -> {
                if (totals.epochs() == 0 && !report.skipped().isEmpty()) {
                    recordUndecodable(ctx, set.split(), report.skipped());
                }
                ctx.lock().checkHeld();
                LOG.info("checkpoint {}", net.checkpoints().save(net.graph(), net.card().atEpoch(report.epoch())));
                HistoryTable.Selection score = selection == null ? null : selection.score(report.epoch(), net.graph(), logits);
                totals.add(report);
                history.add(report, score);
            });
        } else {
            LOG.info("method {} does not train: evaluating the encoders as they are", ctx.method().label());
        }
        if (selection != null) {
            Checkpoint best = selection.best(s.train().epochs(), net.checkpoints(), ctx.sc().hadoopConfiguration(), logits);
            return new Trained(best.graph(), best.card(), net.checkpoints().saveAs(best.graph(), best.card(), ctx.run().modelPath()),
                    totals);
        }
        ModelCard last = net.card().atEpoch(ctx.method().trains() ? s.train().epochs() - 1 : -1);
        return new Trained(net.graph(), last, net.checkpoints().saveAs(net.graph(), last, ctx.run().modelPath()), totals);
    }

    /**
     * Images of the training split that failed to decode in the first epoch join the reader's
     * rejects in the split's rejects file and count against the reject budget.
     */
    private static void recordUndecodable(RunContext ctx, DatasetSplit train, List<RejectedRow> skipped) {
        Set<String> bad = new HashSet<>();
        skipped.forEach(r -> bad.add(r.source()));
        List<FaceSample> failed = train.samples().stream().filter(x -> bad.contains(x.location())).toList();
        ctx.run().recordRejects(train.withRejected(failed, skipped), ctx.settings().data().maxRejectFraction(),
                skipped.size() + " training images could not be decoded");
    }
}
