package vlfer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetSplit;
import vlfer.data.EpochPlan;
import vlfer.data.FaceSample;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.TrainingBatches;
import vlfer.data.TrainingLabels;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;
import vlfer.data.rafdb.RafDbReader;
import vlfer.model.NetworkFactory;
import vlfer.model.TrainingMethods;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;

/**
 * Every face is fitted exactly once per epoch on Spark, when neither the faces nor the rounds
 * divide evenly: 35 faces (one of them an undecodable file), minibatches of 4 (the last holds 3),
 * two workers averaging every 2 minibatches (rounds of 4, 4 and 1 minibatches).
 */
@ExtendWith(LocalSparkExtension.class)
class ExactlyOnceTrainingTest {
    @TempDir
    Path work;

    @Test
    void everyReadableFaceIsFittedOncePerEpochAndTheUnreadableOneIsReported() throws Exception {
        VlferSettings s = TestRuns.settings(work, "vlfer.synth.train-per-class=5", "vlfer.synth.test-per-class=1",
                "vlfer.train.epochs=2", "vlfer.train.batch-size-per-worker=4", "vlfer.train.averaging-frequency=2",
                "vlfer.train.workers=2", "vlfer.model.input-size=32").settings();
        TestData.synthesize(s);
        DatasetSplit split = new RafDbReader().read(s.data().trainDataset(), "train", new DataFiles(new Configuration()));
        assertEquals(35, split.samples().size());
        FaceSample broken = split.samples().get(17);
        Files.write(Path.of(java.net.URI.create(broken.location())), new byte[] {1, 2, 3, 4, 5});

        NetworkFactory factory = new NetworkFactory(s.model(), s.train(), s.seed());
        ComputationGraph graph = factory.create(TrainingMethods.create(s.method()), TestData.randomTable(split.vocabulary(), 24, 7));
        INDArray initial = graph.params().dup();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
        TrainingBatches batches = new TrainingBatches(new FaceImageDecoder(new HadoopConfSnapshot(sc.hadoopConfiguration())),
                new FacePreprocessor(factory.inputSpec(), s.augment()), s.seed());
        List<EpochReport> reports = new ArrayList<>();
        List<Integer> iterations = new ArrayList<>();
        EpochLoop.onSpark(sc, s.train(), s.seed(), LayerRates.UNIFORM).fit(graph,
                new TrainingData(split.samples(), TrainingLabels.oneHot(7), batches), 0, r -> {
                    reports.add(r);
                    iterations.add(graph.getConfiguration().getIterationCount());
                });

        Set<String> readable = new HashSet<>();
        split.samples().stream().filter(x -> x != broken).forEach(x -> readable.add(x.id()));
        List<List<String>> orders = new ArrayList<>();
        for (EpochReport r : reports) {
            List<String> ids = r.trained().ids();
            assertEquals(34, ids.size(), "epoch " + r.epoch() + ": 34 faces fitted");
            assertEquals(readable, new HashSet<>(ids), "each readable face fitted once (no repeats: the list has no duplicates)");
            assertEquals(34, r.images());
            assertEquals(9, r.minibatches(), "ceil(35 / 4) minibatches, none skipped");
            assertEquals(2 + 2 + 1, r.steps(), "rounds of (2,2), (2,2), (1) minibatches per worker");
            assertEquals(1, r.skippedImages());
            assertEquals(broken.location(), r.skipped().get(0).source());
            assertEquals("not-an-image", r.skipped().get(0).reason());
            assertTrue(Double.isFinite(r.score()));
            orders.add(EpochPlan.shuffle(split.samples(), s.seed(), r.epoch(), 4).batch(0, TrainingLabels.oneHot(7))
                    .samples().stream().map(FaceSample::id).toList());
        }
        assertEquals(List.of(5, 10), iterations, "the network's iteration count moves by each round's steps");
        assertTrue(!orders.get(0).equals(orders.get(1)), "each epoch has its own order");
        assertTrue(graph.params().sub(initial).amaxNumber().doubleValue() > 1e-4, "training moved the weights");
    }
}
