package vlfer.model.encoder.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.config.SettingsLoader;
import vlfer.config.VlferSettings;
import vlfer.data.LabelVocabulary;
import vlfer.model.NetworkFactory;
import vlfer.model.TrainingMethods;
import vlfer.testing.TestData;

/**
 * The lean layers compute exactly what DL4J's own layers compute: each encoder (with the ke2nt
 * head) is built with them, its configuration is turned back into DL4J's classes through its
 * JSON, and both networks, from the same parameters, give bit-identical outputs, loss, gradients
 * and parameters after two SGD steps.
 */
class LeanLayersTest {
    private static final Map<String, String> STOCK = Map.of(
            LeanConvolutionLayer.class.getName(), "org.deeplearning4j.nn.conf.layers.ConvolutionLayer",
            LeanDepthwiseConvolution2D.class.getName(), "org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D",
            LeanReluLayer.class.getName(), "org.deeplearning4j.nn.conf.layers.ActivationLayer");

    @ParameterizedTest
    @ValueSource(strings = {"small-cnn", "face-api", "resnet18"})
    void giveDl4jsOwnNumbersBitForBit(String encoder) {
        VlferSettings s = new SettingsLoader().load(null, List.of("vlfer.model.encoder=" + encoder,
                "vlfer.model.fused-blocks=off")).settings();
        NetworkFactory factory = new NetworkFactory(s.model(), s.train(), s.seed());
        ComputationGraph lean = factory.create(TrainingMethods.create(s.method()),
                TestData.randomTable(LabelVocabulary.BASIC_7, 32, 1));
        String json = lean.getConfiguration().toJson();
        String stockJson = json;
        for (Map.Entry<String, String> e : STOCK.entrySet()) {
            stockJson = stockJson.replace("\"" + e.getKey() + "\"", "\"" + e.getValue() + "\"");
        }
        assertNotEquals(json, stockJson, "the encoder uses the lean layers");
        assertTrue(json.contains(LeanConvolutionLayer.class.getName()) && json.contains(LeanReluLayer.class.getName()), json);
        ComputationGraph again = new ComputationGraph(ComputationGraphConfiguration.fromJson(json));
        again.init();
        assertEquals(lean.getConfiguration(), again.getConfiguration(), "the lean configuration survives its JSON");
        ComputationGraph stock = new ComputationGraph(ComputationGraphConfiguration.fromJson(stockJson));
        stock.init(lean.params().dup(), true);

        int side = factory.inputSpec().height();
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, side, side);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 4, 7);
        for (int i = 0; i < 4; i++) {
            y.putScalar(i, (i * 3) % 7, 1);
        }
        MultiDataSet batch = new MultiDataSet(x, y);
        assertEquals(stock.outputSingle(false, x), lean.outputSingle(false, x));

        lean.setInputs(x);
        lean.setLabels(y);
        lean.computeGradientAndScore();
        stock.setInputs(x);
        stock.setLabels(y);
        stock.computeGradientAndScore();
        assertEquals(stock.score(), lean.score(), 0.0);
        Gradient gl = lean.gradient();
        Gradient gs = stock.gradient();
        assertEquals(gs.gradientForVariable().keySet(), gl.gradientForVariable().keySet());
        for (String k : gs.gradientForVariable().keySet()) {
            assertEquals(gs.getGradientFor(k), gl.getGradientFor(k), "gradient of " + k);
        }
        for (int step = 0; step < 2; step++) {
            lean.fit(batch);
            stock.fit(batch);
        }
        assertEquals(stock.params(), lean.params(), "parameters after two steps");
    }
}
