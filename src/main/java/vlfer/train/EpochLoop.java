package vlfer.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.TrainSettings;
import vlfer.data.EpochPlan;
import vlfer.data.RejectedRow;

/**
 * The one training loop, local or on Spark: per epoch set the scheduled learning rates, shuffle
 * the faces by (seed, epoch), cut them into minibatches and averaging rounds, run every round, and
 * check that every face was fitted exactly once (less the undecodable ones, which are reported).
 */
public final class EpochLoop implements Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(EpochLoop.class);
    private static final double PROGRESS_EVERY_SECONDS = 10;

    private final TrainSettings settings;
    private final long seed;
    private final LayerRates layerRates;
    private final int workers;
    private final Function<TrainingData, RoundRunner> runners;

    private EpochLoop(TrainSettings settings, long seed, LayerRates layerRates, int workers,
                      Function<TrainingData, RoundRunner> runners) {
        this.settings = settings;
        this.seed = seed;
        this.layerRates = layerRates;
        this.workers = workers;
        this.runners = runners;
    }

    /**
     * Parameter averaging on Spark over {@code train.workers} workers (0: the context's default
     * parallelism), averaging every {@code train.averaging-frequency} minibatches.
     */
    public static EpochLoop onSpark(JavaSparkContext sc, TrainSettings settings, long seed, LayerRates layerRates) {
        int workers = settings.workers() > 0 ? settings.workers() : sc.defaultParallelism();
        return new EpochLoop(settings, seed, layerRates, workers, data -> new SparkRoundRunner(sc, data.batches()));
    }

    /** Plain training in this JVM on the same minibatches (one worker, nothing averaged). */
    public static EpochLoop local(TrainSettings settings, long seed, LayerRates layerRates) {
        return new EpochLoop(settings, seed, layerRates, 1, data -> new LocalRoundRunner(data.batches()));
    }

    @Override
    public void fit(ComputationGraph graph, TrainingData data, int firstEpoch, Consumer<EpochReport> afterEpoch) {
        RoundRunner runner = runners.apply(data);
        long started = System.nanoTime();
        try {
            for (int epoch = firstEpoch; epoch < settings.epochs(); epoch++) {
                EpochReport report = fitEpoch(graph, data, runner, epoch, started);
                double total = (System.nanoTime() - started) / 1e9;
                LOG.info(ProgressLine.epoch(report, workers, total,
                        total / (epoch - firstEpoch + 1) * (settings.epochs() - epoch - 1)));
                afterEpoch.accept(report);
            }
        } finally {
            runner.finish();
        }
    }

    private EpochReport fitEpoch(ComputationGraph graph, TrainingData data, RoundRunner runner, int epoch, long started) {
        long epochStart = System.nanoTime();
        graph.getConfiguration().setEpochCount(epoch);
        double lr = new LearningRateSchedule(settings).at(epoch);
        LearningRates.set(graph, layer -> layerRates.rate(layer, epoch, lr));
        Map<String, Double> stageRates = new TreeMap<>();
        for (Layer layer : graph.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            stageRates.merge(layerRates.stage(name), layerRates.rate(name, epoch, lr), Math::max);
        }
        runner.startEpoch(graph);

        EpochPlan plan = EpochPlan.shuffle(data.samples(), seed, epoch, settings.batchSizePerWorker());
        AveragingRounds rounds = new AveragingRounds(plan, data.labels(), workers, settings.averagingFrequency());
        TrainedFaces trained = new TrainedFaces(plan);
        List<RejectedRow> skipped = new ArrayList<>();
        List<RoundStats> roundStats = new ArrayList<>(rounds.count());
        long minibatches = 0;
        long steps = 0;
        double loss = 0;
        long lastLine = epochStart;
        for (int r = 0; r < rounds.count(); r++) {
            RoundSum sum = runner.run(graph, rounds.round(r));
            trained.add(sum.positions());
            skipped.addAll(sum.rejects());
            minibatches += sum.minibatches();
            steps += sum.steps();
            loss += sum.loss();
            long now = System.nanoTime();
            roundStats.add(new RoundStats(r, sum.positions().length, sum.minibatches(),
                    sum.minibatches() == 0 ? Double.NaN : sum.loss() / sum.minibatches(), (now - epochStart) / 1e9));
            if ((now - lastLine) / 1e9 >= PROGRESS_EVERY_SECONDS && r + 1 < rounds.count()) {
                lastLine = now;
                double secs = (now - epochStart) / 1e9;
                double done = (double) (r + 1) / rounds.count();
                LOG.info(ProgressLine.round(epoch, settings.epochs(), r + 1, rounds.count(), loss / Math.max(1, minibatches),
                        lr, trained.count() / secs, (now - started) / 1e9, (settings.epochs() - epoch - done) * secs / done));
            }
        }
        if (trained.count() + skipped.size() != plan.faces()) {
            throw new IllegalStateException("epoch " + (epoch + 1) + " planned " + plan.faces() + " faces but fitted "
                    + trained.count() + " and skipped " + skipped.size());
        }
        return new EpochReport(epoch, settings.epochs(), minibatches == 0 ? Double.NaN : loss / minibatches, lr, stageRates,
                trained, minibatches, steps, roundStats, skipped, (System.nanoTime() - epochStart) / 1e9);
    }
}
