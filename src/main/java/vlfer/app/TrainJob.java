package vlfer.app;

import java.util.List;
import vlfer.config.LoadedSettings;
import vlfer.model.TrainingMethod;

/**
 * {@code vlfer train} as a callable, a line of stages over one run context: read and supervise the
 * training split, build the network (or resume it), train it with Spark parameter averaging
 * (checkpointing each epoch), evaluate it, and summarise.
 */
public final class TrainJob {
    private TrainJob() {
    }

    public static RunSummary run(LoadedSettings loaded, boolean resume) {
        return run(loaded, resume ? NetworkStage.Start.RESUME : NetworkStage.Start.FRESH);
    }

    static RunSummary run(LoadedSettings loaded, NetworkStage.Start how) {
        return run(loaded, how, false);
    }

    /** {@code takeOverLock}: take the run's lock even from a holder that stopped beating without --resume. */
    static RunSummary run(LoadedSettings loaded, NetworkStage.Start how, boolean takeOverLock) {
        long start = System.nanoTime();
        try (RunContext ctx = RunContext.open(loaded, how, takeOverLock)) {
            TrainingSetStage.TrainingSet set = TrainingSetStage.run(ctx);
            NetworkStage.Network net = NetworkStage.run(ctx, set, how);
            TrainingStage.Trained trained = TrainingStage.run(ctx, set, net);
            ctx.lock().checkHeld();
            List<SplitResult> results = EvaluationStage.run(ctx.spark(), trained.graph(), trained.card(), ctx.settings(),
                    ctx.run(), trained.card().protocol(), ctx.tables());
            ParquetPaths paths = ParquetPaths.of(ctx.spark(), ctx.settings().output().dir());
            String report = RunReport.write(ctx.spark(), ctx.settings().output().dir(), ctx.run());
            TrainingMethod method = ctx.method();
            return new RunSummary(ctx.settings().runId(), method.label(), ctx.settings().model().encoder(), ctx.run().path(),
                    trained.modelPath(), paths.metrics(), paths.predictions(), paths.history(), report,
                    trained.totals().epochs(), trained.totals().imagesPerSecond(), trained.totals().lastScore(),
                    (System.nanoTime() - start) / 1e9, results);
        }
    }
}
