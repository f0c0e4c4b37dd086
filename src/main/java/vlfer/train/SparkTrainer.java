package vlfer.train;

import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.TrainSettings;
import vlfer.data.FaceSample;
import vlfer.data.RejectedRow;
import vlfer.data.Seeds;
import vlfer.data.TrainingBatchFunction;
import vlfer.data.TrainingLabels;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;

/**
 * Trains a network with DL4J's synchronous parameter averaging: each epoch the samples are
 * decoded and augmented on the executors into minibatches, every worker fits
 * {@code averaging-frequency} minibatches, and the driver averages parameters and updater state.
 * The trainer never computes metrics.
 */
public final class SparkTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);

    private final JavaSparkContext sc;
    private final TrainSettings settings;
    private final long seed;
    private final String exportDir;
    private final LayerRates layerRates;

    public SparkTrainer(JavaSparkContext sc, TrainSettings settings, long seed, String exportDir) {
        this(sc, settings, seed, exportDir, LayerRates.UNIFORM);
    }

    public SparkTrainer(JavaSparkContext sc, TrainSettings settings, long seed, String exportDir, LayerRates layerRates) {
        this.sc = sc;
        this.settings = settings;
        this.seed = seed;
        this.exportDir = exportDir;
        this.layerRates = layerRates;
    }

    /**
     * Fits epochs {@code firstEpoch .. epochs-1} (0-based); {@code afterEpoch} is called on the driver
     * after each (to checkpoint), with the epoch's report.
     */
    public void fit(ComputationGraph graph, JavaRDD<FaceSample> samples, long sampleCount, FaceImageDecoder decoder,
                    FacePreprocessor preprocessor, TrainingLabels labels, int firstEpoch, Consumer<EpochReport> afterEpoch) {
        int workers = settings.workers() > 0 ? settings.workers() : sc.defaultParallelism();
        JavaRDD<FaceSample> partitioned = samples.repartition(workers).persist(StorageLevel.MEMORY_ONLY());
        LearningRateSchedule schedule = new LearningRateSchedule(settings);
        Broadcast<TrainingLabels> labelsOnWorkers = sc.broadcast(labels);
        long started = System.nanoTime();
        try {
            for (int epoch = firstEpoch; epoch < settings.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                CollectionAccumulator<RejectedRow> skipped = sc.sc().collectionAccumulator("unreadable images, epoch " + (epoch + 1));
                JavaRDD<MultiDataSet> batches = partitioned
                        .mapPartitionsWithIndex(new TrainingBatchFunction(decoder, preprocessor, labelsOnWorkers,
                                settings.batchSizePerWorker(), seed, epoch, skipped), false)
                        .persist(StorageLevel.MEMORY_AND_DISK_SER());
                graph.getConfiguration().setEpochCount(epoch);
                double lr = schedule.at(epoch);
                int e = epoch;
                LearningRates.set(graph, layer -> layerRates.rate(layer, e, lr));
                RoundListener progress = (round, rounds, score) -> {
                    double secs = (System.nanoTime() - epochStart) / 1e9;
                    double done = (double) round / rounds;
                    double total = (System.nanoTime() - started) / 1e9;
                    double remainingEpochs = settings.epochs() - e - done;
                    double perEpoch = secs / done;
                    LOG.info(ProgressLine.round(e, settings.epochs(), round, rounds, score, lr,
                            sampleCount * done / secs, total, remainingEpochs * perEpoch));
                };
                SparkComputationGraph net = new SparkComputationGraph(sc, graph, master(workers, epoch, progress));
                net.fitMultiDataSet(batches);
                batches.unpersist(false);
                double secs = (System.nanoTime() - epochStart) / 1e9;
                EpochReport report = new EpochReport(epoch, settings.epochs(), net.getScore(), lr,
                        sampleCount - skipped.value().size(), List.copyOf(skipped.value()), secs, null);
                double total = (System.nanoTime() - started) / 1e9;
                double eta = total / (epoch - firstEpoch + 1) * (settings.epochs() - epoch - 1);
                LOG.info(ProgressLine.epoch(report, total, eta));
                afterEpoch.accept(report);
            }
        } finally {
            partitioned.unpersist(false);
            labelsOnWorkers.destroy();
        }
    }

    private ParameterAveragingTrainingMaster master(int workers, int epoch, RoundListener progress) {
        int batch = settings.batchSizePerWorker();
        ParameterAveragingTrainingMaster.Builder b = new ParameterAveragingTrainingMaster.Builder(workers, batch)
                .batchSizePerWorker(batch)
                .averagingFrequency(settings.averagingFrequency())
                .workerPrefetchNumBatches(settings.prefetchBatches())
                .saveUpdater(true)
                .rngSeed(Seeds.derive(seed, epoch, 0x5EED))
                .storageLevel(null)
                .collectTrainingStats(false);
        if (settings.rddApproach() == TrainSettings.RddApproach.EXPORT) {
            b.rddTrainingApproach(RDDTrainingApproach.Export).exportDirectory(exportDir + "/epoch-" + epoch);
        } else {
            b.rddTrainingApproach(RDDTrainingApproach.Direct);
        }
        return new ProgressReportingTrainingMaster(b, progress);
    }
}
