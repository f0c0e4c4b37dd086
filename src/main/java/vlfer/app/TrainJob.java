package vlfer.app;

import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.DatasetSettings;
import vlfer.config.LoadedSettings;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetReader;
import vlfer.data.DatasetReaders;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.LabelVocabulary;
import vlfer.data.RejectedRow;
import vlfer.data.TrainingBatches;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;
import vlfer.model.ModelCard;
import vlfer.model.NetworkFactory;
import vlfer.model.TrainingMethod;
import vlfer.model.Supervision;
import vlfer.model.SupervisionSources;
import vlfer.model.TrainingMethods;
import vlfer.spark.SparkSessions;
import vlfer.text.ClassEmbeddingTable;
import vlfer.train.Checkpoint;
import vlfer.train.CheckpointStore;
import vlfer.train.EpochTotals;
import vlfer.train.EpochLoop;
import vlfer.train.TrainingData;

/**
 * {@code vlfer train} as a callable: read the training split, embed the class prompts on the
 * driver, train with Spark parameter averaging (checkpointing each epoch), evaluate, write tables.
 */
public final class TrainJob {
    private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);

    private TrainJob() {
    }

    public static RunSummary run(LoadedSettings loaded, boolean resume) {
        long start = System.nanoTime();
        VlferSettings s = loaded.settings();
        TrainingMethod method = TrainingMethods.create(s.method());
        EncoderWeights.check(s.model());
        SparkSession spark = SparkSessions.getOrCreate(s.spark());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        DataFiles files = new DataFiles(sc.hadoopConfiguration());
        RunFolder run = new RunFolder(sc.hadoopConfiguration(), s.output().dir(), s.runId());
        LOG.info("run {}: method {}, encoder {}, text encoder {}, Spark master {} ({} task slots); run folder {}",
                s.runId(), s.method().name(), s.model().encoder(), s.text().spec().name(), sc.master(),
                sc.defaultParallelism(), run.path());
        run.writeText("resolved.conf", loaded.maskedDump());

        DatasetSettings trainSet = s.data().trainDataset();
        DatasetReader reader = DatasetReaders.forFormat(trainSet.format());
        DatasetSplit read = reader.read(trainSet, trainSet.trainSplit(), files);
        recordRejects(run, read, s.data().maxRejectFraction(), null);
        LOG.info("dataset {}/{}", read.dataset(), read.summary());
        Supervision supervision = method.supervise(read, new SupervisionSources(files.root(trainSet), files,
                () -> TextEmbeddings.open(s.text())));
        DatasetSplit train = supervision.train();
        if (supervision.news() != null) {
            recordRejects(run, train, s.data().maxRejectFraction(), supervision.news());
        }
        LabelVocabulary classes = train.vocabulary();
        int frames = train.video() ? trainSet.segments() : 1;

        CheckpointStore checkpoints = new CheckpointStore(sc.hadoopConfiguration(), run.path());
        Optional<String> latest = resume ? checkpoints.latest() : Optional.empty();
        if (resume && latest.isEmpty()) {
            throw new IllegalStateException("--resume: run " + s.runId() + " has no checkpoint under " + run.path()
                    + "/checkpoints (set vlfer.run-id to the run to continue)");
        }
        ComputationGraph graph;
        ModelCard card;
        int firstEpoch;
        if (latest.isPresent()) {
            Checkpoint cp = CheckpointStore.load(sc.hadoopConfiguration(), latest.get());
            graph = cp.graph();
            card = cp.card();
            firstEpoch = card.epoch() + 1;
            LOG.info("resuming run {} from {} (epoch {} done)", s.runId(), latest.get(), firstEpoch);
        } else {
            ClassEmbeddingTable table = TextEmbeddings.encode(s.text(), method, classes);
            NetworkFactory factory = new NetworkFactory(s.model(), s.train(), s.seed());
            graph = factory.create(method, table, frames, supervision.labelWidth());
            EncoderWeights.load(graph, factory.encoder(), s.model(), sc.hadoopConfiguration());
            card = new ModelCard(s.runId(), method.label(), s.model().encoder(), table.encoderName(), table.hash(),
                    loaded.configHash(), classes.names(), factory.inputSpec(), frames, method.outputsLogits(), -1,
                    s.seed(), loaded.maskedDump());
            firstEpoch = 0;
            LOG.info("network: {} parameters, input {}x{}{}", graph.numParams(), card.input().height(), card.input().width(),
                    frames > 1 ? ", " + frames + " frames per clip (features mean-pooled over time)" : "");
        }

        FaceImageDecoder decoder = new FaceImageDecoder(new HadoopConfSnapshot(sc.hadoopConfiguration()));
        FacePreprocessor preprocessor = new FacePreprocessor(card.input(), s.augment(), card.frames());
        TrainingData data = new TrainingData(train.samples(), supervision.labels(), new TrainingBatches(decoder, preprocessor, s.seed()));
        EpochTotals totals = new EpochTotals();
        ModelCard template = card;
        if (method.trains()) {
            EpochLoop.onSpark(sc, s.train(), s.seed(), method::learningRate)
                    .fit(graph, data, firstEpoch, report -> {
                        if (totals.epochs() == 0 && !report.skipped().isEmpty()) {
                            recordUndecodable(run, train, report.skipped(), s.data().maxRejectFraction());
                        }
                        String path = checkpoints.save(graph, template.atEpoch(report.epoch()));
                        LOG.info("checkpoint {}", path);
                        totals.add(report);
                    });
        } else {
            LOG.info("method {} does not train: evaluating the encoders as they are", method.label());
        }
        int lastEpoch = method.trains() ? s.train().epochs() - 1 : -1;
        ModelCard finalCard = card.atEpoch(lastEpoch);
        String modelPath = checkpoints.saveAs(graph, finalCard, run.modelPath());

        List<SplitResult> results = EvaluationStage.run(spark, graph, finalCard, s, run, "last-epoch");
        ParquetPaths paths = ParquetPaths.of(spark, s);
        return new RunSummary(s.runId(), method.label(), s.model().encoder(), run.path(), modelPath, paths.metrics(),
                paths.predictions(), totals.epochs(), totals.imagesPerSecond(), totals.lastScore(),
                (System.nanoTime() - start) / 1e9, results);
    }

    /**
     * Images of the training split that failed to decode in the first epoch join the reader's
     * rejects in the split's rejects file and count against the reject budget.
     */
    private static void recordUndecodable(RunFolder run, DatasetSplit train, List<RejectedRow> skipped, double maxFraction) {
        java.util.Set<String> bad = new java.util.HashSet<>();
        skipped.forEach(r -> bad.add(r.source()));
        List<FaceSample> failed = train.samples().stream().filter(x -> bad.contains(x.location())).toList();
        recordRejects(run, train.withRejected(failed, skipped), maxFraction,
                skipped.size() + " training images could not be decoded");
    }

    /**
     * Writes the split's rejects file, says why when {@code news} is given, and fails the job when
     * the rejects exceed the budget.
     */
    private static void recordRejects(RunFolder run, DatasetSplit split, double maxFraction, String news) {
        if (news != null) {
            LOG.warn("dataset {}/{}: {}; rejects now {}, listed in {}", split.dataset(), split.split(), news,
                    new TreeMap<>(split.rejectsByReason()), run.rejectsPath(split.dataset(), split.split()));
        }
        run.recordRejects(split.dataset(), split.split(), split.rejects(), split.samples().size(), maxFraction);
    }
}
