package vlfer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.graph.ComputationGraph;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetSplit;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.TrainingBatches;
import vlfer.data.TrainingLabels;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;
import vlfer.data.rafdb.RafDbReader;
import vlfer.model.NetworkFactory;
import vlfer.model.TrainingMethods;
import vlfer.testing.LocalSpark;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.train.EpochLoop;
import vlfer.train.EpochReport;
import vlfer.train.LayerRates;
import vlfer.train.Trainer;
import vlfer.train.TrainingData;

/**
 * Not a test: one measured training epoch of ke2nt on N synthetic faces (RAF-DB layout, drawn once
 * into target/bench-data), after a warm-up epoch on the first 1,400 of them (the same for every
 * N), on Spark local[2] or in this JVM without Spark. Prints one line: faces, seconds, seconds per
 * 1,000 faces, img/s, the JVM's peak resident memory (VmHWM) and its heap after a full GC.
 * Args: spark|local N [encoder] [image side]; -Dbench.frequency (averaging frequency, 5).
 */
public final class EpochBench {
    private static final int WARM_UP_FACES = 1400;

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        String encoder = args.length > 2 ? args[2] : "small-cnn";
        int side = args.length > 3 ? Integer.parseInt(args[3]) : 48;
        Path data = Path.of("target", "bench-data", "rafdb-" + n + "-" + side).toAbsolutePath();
        VlferSettings s = TestRuns.settings(Path.of("target", "bench-out").toAbsolutePath(),
                "vlfer.synth.dir=\"" + data + "\"", "vlfer.synth.train-per-class=" + (n / 7), "vlfer.synth.test-per-class=1",
                "vlfer.synth.image-size=" + side, "vlfer.model.encoder=" + encoder,
                "vlfer.model.input-size=" + (encoder.equals("face-api") ? 0 : side),
                "vlfer.train.epochs=1", "vlfer.train.warmup-epochs=0", "vlfer.train.workers=" + Integer.getInteger("bench.workers", 2),
                "vlfer.train.averaging-frequency=" + Integer.getInteger("bench.frequency", 5)).settings();
        if (!Files.exists(data.resolve("EmoLabel/list_patition_label.txt"))) {
            long t0 = System.nanoTime();
            TestData.synthesize(s);
            System.err.printf(Locale.ROOT, "drew %d faces in %.0fs%n", n, (System.nanoTime() - t0) / 1e9);
        }
        DatasetSplit split = new RafDbReader().read(s.data().trainDataset(), "train", new DataFiles(new Configuration()));
        NetworkFactory factory = new NetworkFactory(s.model(), s.train(), s.seed());
        ComputationGraph graph = factory.create(TrainingMethods.create(s.method()), TestData.randomTable(split.vocabulary(), 384, 1));
        TrainingBatches batches = new TrainingBatches(new FaceImageDecoder(new HadoopConfSnapshot(new Configuration())),
                new FacePreprocessor(factory.inputSpec(), s.augment()), s.seed());
        TrainingLabels labels = TrainingLabels.oneHot(split.vocabulary().size());

        SparkSession spark = mode.equals("spark") ? LocalSpark.start(2) : null;
        Trainer trainer = spark == null ? EpochLoop.local(s.train(), s.seed(), LayerRates.UNIFORM)
                : EpochLoop.onSpark(JavaSparkContext.fromSparkContext(spark.sparkContext()), s.train(), s.seed(),
                LayerRates.UNIFORM);
        try {
            trainer.fit(graph, new TrainingData(split.samples().subList(0, Math.min(WARM_UP_FACES, split.samples().size())), labels, batches), 0,
                    r -> { });
            List<EpochReport> reports = new ArrayList<>();
            trainer.fit(graph, new TrainingData(split.samples(), labels, batches), 0, reports::add);
            EpochReport r = reports.get(0);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            System.out.printf(Locale.ROOT, "%-5s %-9s %3dpx N=%6d  fitted %6d in %7.1fs  %6.2f s/1000 faces  %6.1f img/s"
                            + "  peak RSS %,6d MB  heap after GC %,5d MB%n",
                    mode, encoder, side, n, r.images(), r.seconds(), 1000 * r.seconds() / r.images(), r.imagesPerSecond(),
                    peakResidentMegabytes(), heap);
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
    }

    /** The process's peak resident set size (Linux VmHWM). */
    static long peakResidentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
