package vlfer.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.config.SettingsLoader;
import vlfer.config.VlferSettings;
import vlfer.data.LabelVocabulary;
import vlfer.model.NetworkFactory;
import vlfer.model.TrainingMethods;
import vlfer.model.encoder.faceapi.FusedDenseBlock;
import vlfer.model.encoder.onednn.Dnnl;
import vlfer.testing.TestData;

/**
 * face-api with fused dense blocks (oneDNN called directly) computes what the encoder built from
 * DL4J's layers computes, from the same shipped weights, with the ke2nt head: outputs, loss,
 * every parameter's gradient, and the parameters after two SGD steps, to float32 rounding (the
 * two sum in different orders). Also: the fused configuration survives its JSON and a saved
 * model, and a second batch size gets its own plan.
 */
class FusedFaceApiTest {
    private static ComputationGraph fused;
    private static ComputationGraph stock;
    private static NetworkFactory factory;

    @BeforeAll
    static void build() {
        assumeTrue(Dnnl.available(), "oneDNN runs here");
        fused = network("auto");
        stock = network("off");
        assertTrue(fused.getConfiguration().toJson().contains(FusedDenseBlock.class.getName()), "auto fuses on the CPU");
        assertTrue(!stock.getConfiguration().toJson().contains(FusedDenseBlock.class.getName()), "off does not");
        // the same weights everywhere, the head's random initialisation included
        copyParams(stock, fused);
    }

    private interface ParamVisitor {
        void visit(String layer, String key, INDArray value);
    }

    /** Every parameter of a network built from DL4J's layers, by layer name and key. */
    private static void forEachParam(ComputationGraph stockGraph, ParamVisitor visitor) {
        for (org.deeplearning4j.nn.api.Layer l : stockGraph.getLayers()) {
            for (Map.Entry<String, INDArray> p : l.paramTable().entrySet()) {
                visitor.visit(l.conf().getLayer().getLayerName(), p.getKey(), p.getValue());
            }
        }
    }

    private static void copyParams(ComputationGraph from, ComputationGraph toFused) {
        forEachParam(from, (name, key, value) -> FaceApiEncoder.param(toFused, name, key).assign(value));
    }

    private static ComputationGraph network(String fusedBlocks) {
        VlferSettings s = new SettingsLoader().load(null, List.of("vlfer.model.encoder=face-api",
                "vlfer.model.fused-blocks=" + fusedBlocks,
                // small steps: the default rate's first step on random faces raises the loss by a third
                // and lands where ReLU inputs sit near zero, so rounding decides which units are on
                "vlfer.train.learning-rate=0.001")).settings();
        factory = new NetworkFactory(s.model(), s.train(), s.seed());
        return factory.create(TrainingMethods.create(s.method()), TestData.randomTable(LabelVocabulary.BASIC_7, 32, 1));
    }

    private static MultiDataSet batch(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 3, FaceApiEncoder.INPUT, FaceApiEncoder.INPUT).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 7);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, (i * 3) % 7, 1);
        }
        return new MultiDataSet(x, y);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertClose(expected, actual, 2e-4, what);
    }

    /** max |expected - actual| within {@code relative} of max |expected| (plus 1e-6). */
    private static void assertClose(INDArray expected, INDArray actual, double relative, String what) {
        double scale = expected.amaxNumber().doubleValue();
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        worst = Math.max(worst, diff / Math.max(scale, 1e-12));
        assertTrue(diff <= relative * scale + 1e-6, what + ": max |difference| " + diff + " against a scale of " + scale);
    }

    private static double worst;

    /** DL4J layer faceapi.denseB.convI[.depthwise], param P, as the fused gradient key faceapi.denseB_convI[.depthwise].P. */
    private static String fusedKey(String stockKey) {
        if (!stockKey.startsWith("faceapi.dense")) {
            return stockKey;
        }
        int dot = stockKey.indexOf('.', "faceapi.".length());
        return stockKey.substring(0, dot) + "_" + stockKey.substring(dot + 1).replace('_', '.');
    }

    @Test
    void trainsLikeDl4jsOwnLayers() {
        MultiDataSet b = batch(6, 7);
        INDArray x = b.getFeatures(0);
        assertClose(stock.outputSingle(false, x), fused.outputSingle(false, x), "output");

        ComputationGraph f = fused.clone();
        ComputationGraph s = stock.clone();
        // two SGD steps; before each, the fused network gets the other's parameters, so that both
        // compute the gradient and take the step from the same point
        for (int step = 0; step < 2; step++) {
            copyParams(s, f);
            assertSameGradients(s.clone(), f.clone(), b, "step " + step);
            ComputationGraph start = s.clone();
            f.fit(b);
            s.fit(b);
            int at = step;
            forEachParam(s, (name, key, value) -> {
                INDArray from = FaceApiEncoder.param(start, name, key);
                INDArray expected = value.sub(from);
                INDArray actual = FaceApiEncoder.param(f, name, key).sub(from);
                double relative = expected.sub(actual).norm2Number().doubleValue() / expected.norm2Number().doubleValue();
                worst = Math.max(worst, relative);
                assertTrue(relative < 1e-4, "step " + at + ": " + name + "/" + key + "'s change differs by " + relative
                        + " (relative L2)");
            });
        }
        System.out.printf("fused vs DL4J layers: worst relative difference of outputs, loss, gradients and steps %.2e%n", worst);
    }

    /** Loss and every parameter's gradient on {@code b}, of a network from DL4J's layers and a fused one. */
    private static void assertSameGradients(ComputationGraph s, ComputationGraph f, MultiDataSet b, String when) {
        for (ComputationGraph g : List.of(f, s)) {
            g.setInputs(b.getFeatures(0));
            g.setLabels(b.getLabels(0));
            g.computeGradientAndScore();
        }
        assertEquals(s.score(), f.score(), 1e-5 * Math.abs(s.score()), when + ": loss");
        Map<String, INDArray> gs = s.gradient().gradientForVariable();
        Map<String, INDArray> gf = f.gradient().gradientForVariable();
        assertEquals(gs.size(), gf.size(), when + ": as many gradients");
        for (Map.Entry<String, INDArray> e : gs.entrySet()) {
            INDArray other = gf.get(fusedKey(e.getKey()));
            assertTrue(other != null, when + ": the fused network has a gradient for " + e.getKey() + ": " + gf.keySet());
            assertTrue(e.getValue().amaxNumber().doubleValue() > 0, when + ": gradient of " + e.getKey() + " is not all zero");
            assertClose(e.getValue(), other, when + ": gradient of " + e.getKey());
        }
    }

    @Test
    void anotherBatchSizeAndTheImageGradientWhenAsked() {
        for (int n : new int[]{3, 6, 3}) {
            INDArray x = batch(n, n).getFeatures(0);
            assertClose(stock.outputSingle(false, x), fused.outputSingle(false, x), "output for a batch of " + n);
        }
    }

    @Test
    void survivesItsJsonAndASavedModel(@TempDir Path dir) throws Exception {
        String json = fused.getConfiguration().toJson();
        assertEquals(fused.getConfiguration(), ComputationGraphConfiguration.fromJson(json), "the configuration survives its JSON");
        File file = dir.resolve("fused.zip").toFile();
        ModelSerializer.writeModel(fused, file, false);
        ComputationGraph again = ModelSerializer.restoreComputationGraph(file, false);
        INDArray x = batch(2, 3).getFeatures(0);
        assertEquals(fused.outputSingle(false, x), again.outputSingle(false, x), "the saved model gives the same output");
    }
}
