package vlfer.model.cliper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import vlfer.data.LabelVocabulary;
import vlfer.interop.npz.StateDict;
import vlfer.model.CliperSettings;
import vlfer.model.text.ClipTextShape;
import vlfer.model.text.ClipTextTower;
import vlfer.testing.GraphGradients;
import vlfer.testing.TestData;
import vlfer.text.ClassEmbeddingTable;

/**
 * DL4J's finite-difference check of token-space cliper in double precision: the learnt tokens
 * through the prompt splice, a causal text block, the final norm and projection, the end-of-text
 * pick, the scores vertex and cliper's loss, and the gradient the head hands back to the image
 * features (a dense layer before it). Every parameter is checked, the learnt tokens included. It
 * found that DL4J's SameDiffVertex doubles gradients as its SameDiffLayer does.
 */
@ExtendWith(GraphGradients.class)
class CliperTokenGradientTest {
    /** A random CLIP text tower: context 8, vocabulary 10, width 4, one block of 2 heads, 3-d output. */
    static ClipTextTower tinyTower(long seed) {
        ClipTextShape shape = new ClipTextShape(8, 10, 4, 1, 2, 3);
        Nd4j.getRandom().setSeed(seed);
        Map<String, INDArray> t = new LinkedHashMap<>();
        t.put("token_embedding.weight", Nd4j.randn(DataType.DOUBLE, 10, 4));
        t.put("positional_embedding", Nd4j.randn(DataType.DOUBLE, 8, 4).muli(0.5));
        String p = "transformer.resblocks.0.";
        t.put(p + "ln_1.weight", Nd4j.randn(DataType.DOUBLE, 4).muli(0.3).addi(1));
        t.put(p + "ln_1.bias", Nd4j.randn(DataType.DOUBLE, 4).muli(0.3));
        t.put(p + "attn.in_proj_weight", Nd4j.randn(DataType.DOUBLE, 12, 4).muli(0.7));
        t.put(p + "attn.in_proj_bias", Nd4j.randn(DataType.DOUBLE, 12).muli(0.2));
        t.put(p + "attn.out_proj.weight", Nd4j.randn(DataType.DOUBLE, 4, 4).muli(0.5));
        t.put(p + "attn.out_proj.bias", Nd4j.randn(DataType.DOUBLE, 4).muli(0.2));
        t.put(p + "ln_2.weight", Nd4j.randn(DataType.DOUBLE, 4).muli(0.3).addi(1));
        t.put(p + "ln_2.bias", Nd4j.randn(DataType.DOUBLE, 4).muli(0.3));
        t.put(p + "mlp.c_fc.weight", Nd4j.randn(DataType.DOUBLE, 16, 4).muli(0.5));
        t.put(p + "mlp.c_fc.bias", Nd4j.randn(DataType.DOUBLE, 16).muli(0.2));
        t.put(p + "mlp.c_proj.weight", Nd4j.randn(DataType.DOUBLE, 4, 16).muli(0.25));
        t.put(p + "mlp.c_proj.bias", Nd4j.randn(DataType.DOUBLE, 4).muli(0.2));
        t.put("ln_final.weight", Nd4j.randn(DataType.DOUBLE, 4).muli(0.3).addi(1));
        t.put("ln_final.bias", Nd4j.randn(DataType.DOUBLE, 4).muli(0.3));
        t.put("text_projection", Nd4j.randn(DataType.DOUBLE, 4, 3));
        // BOS, "an", "photo", X, X, ".", EOS (the highest id), then padding 0
        long[] ids = {8, 1, 2, 3, 3, 4, 9, 0};
        return new ClipTextTower(shape, StateDict.of("tiny-random-clip", t, List.of()), ids, 3, 2);
    }

    @Test
    void gradientsOfTheLearntTokensAndEveryOtherParameterMatchFiniteDifferences() {
        ClipTextTower tower = tinyTower(3);
        assertEquals(6, tower.endOfText());
        CliperSettings settings = new CliperSettings(2, 0.5, 0, 1, 0.01, CliperSettings.DescriptorSpace.TOKENS, 2, 0.5);
        CliperTokenMethod method = new CliperTokenMethod(settings, () -> tower);
        ClassEmbeddingTable table = TestData.randomTable(LabelVocabulary.chosen(List.of("happiness", "sadness")), 3, 1);
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .updater(new NoOp()).graphBuilder().addInputs("input");
        // a layer before the head, so the gradient the head sends back to the image features is checked too
        g.addLayer("features", new DenseLayer.Builder().nIn(5).nOut(3).activation(Activation.TANH).build(), "input");
        String out = method.addHead(g, "features", 3, table, 2, 7);
        g.setOutputs(out).setInputTypes(InputType.feedForward(5));
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        method.loadPretrained(graph);
        assertEquals(tower.weights().tensors().get("text_projection"),
                graph.getLayer("text.projection").getParam("textProjection"), "CLIP's weights are in the frozen tower");

        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 5);
        INDArray y = Nd4j.create(new double[][] {{1, 0}, {0, 1}, {1, 0}});
        assertTrue(GraphGradients.match(graph, x, y, 1e-8));
    }
}
