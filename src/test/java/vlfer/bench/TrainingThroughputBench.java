package vlfer.bench;

import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.config.LoadedSettings;
import vlfer.config.SettingsLoader;
import vlfer.config.VlferSettings;
import vlfer.data.LabelVocabulary;
import vlfer.model.NetworkFactory;
import vlfer.model.TrainingMethods;
import vlfer.testing.TestData;

/**
 * Not a test: prints training and inference images/s of each encoder (with the ke2nt head) in
 * this JVM, single process, so the Spark figures can be compared with the raw network speed.
 * Args: encoder names, each optionally with an input side ({@code swin-t@112}; default: small-cnn
 * resnet18); -Dbench.batch=32 -Dbench.steps=10.
 */
public final class TrainingThroughputBench {
    public static void main(String[] args) {
        int batch = Integer.getInteger("bench.batch", 32);
        int steps = Integer.getInteger("bench.steps", 10);
        List<String> encoders = args.length > 0 ? List.of(args) : List.of("small-cnn", "resnet18");
        boolean oneDnn = "false".equals(System.getProperty("org.eclipse.deeplearning4j.helpers.disable"));
        System.out.printf(Locale.ROOT, "threads: OMP_NUM_THREADS=%s, oneDNN helpers %s%n", System.getenv("OMP_NUM_THREADS"),
                oneDnn ? "on" : "off");
        for (String encoder : encoders) {
            Figures f = measure(encoder, batch, steps);
            System.out.printf(Locale.ROOT, "%-10s %3dx%-3d params %,10d  train %7.1f img/s  inference %7.1f img/s"
                            + "  page faults %7s per training step%n",
                    encoder, f.side(), f.side(), f.params(), f.train(), f.inference(),
                    f.faultsPerStep() < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", f.faultsPerStep()));
        }
    }

    /**
     * Training and inference images/s of one encoder with the ke2nt head, on random input;
     * {@code faultsPerStep}: minor page faults per training step, or -1 where the system does not say.
     */
    public record Figures(int side, long params, double train, double inference, long faultsPerStep) {
    }

    /** The encoder with the ke2nt head, and one random batch of faces with one-hot labels. */
    public record Setup(ComputationGraph net, MultiDataSet batch, int side) {
    }

    public static Setup setup(String encoder, int batch) {
        String[] nameAndSide = encoder.split("@", 2);
        List<String> overrides = nameAndSide.length == 1 ? List.of("vlfer.model.encoder=" + encoder)
                : List.of("vlfer.model.encoder=" + nameAndSide[0], "vlfer.model.input-size=" + nameAndSide[1]);
        LoadedSettings loaded = new SettingsLoader().load(null, overrides);
        VlferSettings s = loaded.settings();
        NetworkFactory factory = new NetworkFactory(s.model(), s.train(), s.seed());
        ComputationGraph net = factory.create(TrainingMethods.create(s.method()),
                TestData.randomTable(LabelVocabulary.BASIC_7, 384, 1));
        int side = factory.inputSpec().height();
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, side, side);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 7);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % 7, 1);
        }
        return new Setup(net, new MultiDataSet(x, y), side);
    }

    public static Figures measure(String encoder, int batch, int steps) {
        Setup setup = setup(encoder, batch);
        ComputationGraph net = setup.net();
        MultiDataSet mds = setup.batch();
        INDArray x = mds.getFeatures(0);
        int side = setup.side();
        for (int i = 0; i < 3; i++) {
            net.fit(mds);
            net.outputSingle(false, x);
        }
        long faults = MinorFaults.ofThisProcess();
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            net.fit(mds);
        }
        long faultsAfter = MinorFaults.ofThisProcess();
        long faultsPerStep = faults < 0 || faultsAfter < 0 ? -1 : (faultsAfter - faults) / steps;
        double train = steps * batch / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            net.outputSingle(false, x);
        }
        double infer = steps * batch / ((System.nanoTime() - t0) / 1e9);
        return new Figures(side, net.numParams(), train, infer, faultsPerStep);
    }
}
