package vlfer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.config.AugmentSettings;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.TrainingBatches;
import vlfer.data.TrainingLabels;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;
import vlfer.data.rafdb.RafDbReader;
import vlfer.model.NetworkFactory;
import vlfer.model.TrainingMethod;
import vlfer.model.TrainingMethods;
import vlfer.testing.LocalSpark;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.text.ClassEmbeddingTable;

/**
 * DL4J's own Spark test, for this project's trainer: one worker that averages after every
 * minibatch must end with exactly the parameters of plain local training on the same batches,
 * through a changing learning rate (warm-up, then cosine) and momentum carried across rounds.
 * The local side is the project's local trainer: the same epoch plan, fitted in one JVM.
 */
class SparkEqualsLocalTrainingTest {
    private static SparkSession spark;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start(1);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /**
     * ke2nt trains every layer at the scheduled rate; cliper's first two epochs train only its
     * descriptors and projection, then freeze the descriptors and train the rest, so the stage
     * change and the frozen layers are applied the same way on both sides.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ke2nt", "cliper"})
    void oneWorkerAveragingEveryStepEqualsLocalTraining(String methodName) throws Exception {
        int n = 14;
        VlferSettings s = TestRuns.settings(work.resolve(methodName),
                "vlfer.synth.train-per-class=2", "vlfer.synth.test-per-class=1",
                "vlfer.train.epochs=4", "vlfer.train.warmup-epochs=1",
                "vlfer.train.batch-size-per-worker=" + n, "vlfer.train.averaging-frequency=1",
                "vlfer.train.workers=1", "vlfer.train.learning-rate=0.05", "vlfer.model.input-size=32",
                "vlfer.method.name=" + methodName, "vlfer.method.cliper.descriptor-epochs=2").settings();
        TestData.synthesize(s);
        DatasetSplit split = new RafDbReader().read(s.data().trainDataset(), "train", new DataFiles(new Configuration()));
        assertEquals(n, split.samples().size());

        TrainingMethod method = TrainingMethods.create(s.method());
        ClassEmbeddingTable table = TestData.randomTable(split.vocabulary(), 24, 7);
        NetworkFactory factory = new NetworkFactory(s.model(), s.train(), s.seed());
        ComputationGraph onSpark = factory.create(method, table);
        ComputationGraph local = factory.create(method, table);
        INDArray initial = local.params().dup();
        assertEquals(0.0, onSpark.params().sub(initial).amaxNumber().doubleValue(), "same seed, same initial weights");

        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        FaceImageDecoder decoder = new FaceImageDecoder(new HadoopConfSnapshot(sc.hadoopConfiguration()));
        FacePreprocessor pre = new FacePreprocessor(factory.inputSpec(), AugmentSettings.NONE);
        TrainingData data = new TrainingData(split.samples(), TrainingLabels.oneHot(7), new TrainingBatches(decoder, pre, s.seed()));
        List<EpochReport> sparkReports = new ArrayList<>();
        List<EpochReport> localReports = new ArrayList<>();
        EpochLoop.onSpark(sc, s.train(), s.seed(), method::learningRate).fit(onSpark, data, 0, sparkReports::add);
        EpochLoop.local(s.train(), s.seed(), method::learningRate).fit(local, data, 0, localReports::add);

        for (int epoch = 0; epoch < s.train().epochs(); epoch++) {
            assertEquals(localReports.get(epoch).score(), sparkReports.get(epoch).score(), 1e-6, "epoch " + epoch + " loss");
        }
        assertEquals(local.getConfiguration().getIterationCount(), onSpark.getConfiguration().getIterationCount());
        double moved = local.params().sub(initial).amaxNumber().doubleValue();
        double diff = local.params().sub(onSpark.params()).amaxNumber().doubleValue();
        assertTrue(moved > 1e-3, "training must change the weights (moved " + moved + ")");
        assertTrue(diff < 1e-5 * Math.max(1, moved) , "Spark and local parameters differ by " + diff + " (moved " + moved + ")");
    }
}
