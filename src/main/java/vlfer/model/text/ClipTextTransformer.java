package vlfer.model.text;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import vlfer.interop.npz.StateDict;
import vlfer.interop.npz.StateDictImporter;
import vlfer.model.encoder.TorchParam;
import vlfer.model.encoder.vit.ClipTextPositions;
import vlfer.model.encoder.vit.ClipTextProjection;
import vlfer.model.encoder.vit.VitBlock;

/**
 * CLIP's text transformer (OpenAI's {@code encode_text}) as a DL4J graph: token embeddings plus
 * positions, causal pre-norm blocks (the image tower's {@link VitBlock}s with the causal mask),
 * {@code ln_final} and {@code text_projection}; the end-of-text token's column is the text's
 * embedding, found as CLIP finds it: the position of the highest token id. Texts are padded with
 * id 0 to the full context; the causal mask keeps padding out of every earlier token's state.
 * The token table stays outside the graph, so learnt prompt tokens can replace rows of the input.
 */
public final class ClipTextTransformer {
    public static final String INPUT = "tokens";
    private static final String POSITIONS = "text.positions";
    private static final String PROJECTION = "text.projection";

    private final ClipTextShape shape;
    private final ComputationGraph graph;
    private final INDArray tokenEmbedding;

    private ClipTextTransformer(ClipTextShape shape, ComputationGraph graph, INDArray tokenEmbedding) {
        this.shape = shape;
        this.graph = graph;
        this.tokenEmbedding = tokenEmbedding;
    }

    /** The text tower of an OpenAI CLIP state dict ({@code heads} 0 = width / 64), every weight from the file. */
    public static ClipTextTransformer load(StateDict dict, int heads) {
        ClipTextShape shape = ClipTextShape.of(dict, heads);
        ComputationGraph graph = graph(shape);
        StateDictImporter.load(graph, stateDictLayout(shape), dict, "");
        INDArray tokens = dict.tensors().get("token_embedding.weight").castTo(DataType.FLOAT).dup();
        return new ClipTextTransformer(shape, graph, tokens);
    }

    /** The graph from token embeddings [N, width, context] to projected states [N, output, context]. */
    public static ComputationGraph graph(ClipTextShape shape) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(0).dataType(DataType.FLOAT)
                .graphBuilder().addInputs(INPUT);
        g.addLayer(POSITIONS, new ClipTextPositions(shape.width(), shape.context()), INPUT);
        g.setOutputs(addTower(g, shape, POSITIONS));
        g.setInputTypes(InputType.recurrent(shape.width(), shape.context()));
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }

    /**
     * Adds the causal blocks and the final norm and projection after {@code input} (token states with
     * positions added, [N, width, context]) and returns the vertex of the projected states [N, output, context].
     */
    public static String addTower(ComputationGraphConfiguration.GraphBuilder g, ClipTextShape shape, String input) {
        int w = shape.width();
        int t = shape.context();
        String prev = input;
        for (int i = 0; i < shape.layers(); i++) {
            g.addLayer(block(i), new VitBlock(w, t, shape.heads(), shape.layers(), true), prev);
            prev = block(i);
        }
        g.addLayer(PROJECTION, new ClipTextProjection(w, t, shape.outputDim()), prev);
        return PROJECTION;
    }

    private static String block(int i) {
        return "text.block" + i;
    }

    /** Whether {@code layer} is one of the layers {@link #addTower} adds. */
    public static boolean inTower(String layer) {
        return layer.startsWith("text.");
    }

    /** OpenAI's names of the graph's weights ({@code token_embedding.weight} is held outside the graph). */
    public static List<TorchParam> stateDictLayout(ClipTextShape shape) {
        return stateDictLayout(shape, POSITIONS, ClipTextPositions.POSITIONS);
    }

    /** The same, with {@code positional_embedding} going to parameter {@code param} of layer {@code layer}. */
    public static List<TorchParam> stateDictLayout(ClipTextShape shape, String layer, String param) {
        List<TorchParam> out = new ArrayList<>();
        out.add(TorchParam.same("positional_embedding", layer, param));
        for (int i = 0; i < shape.layers(); i++) {
            VitBlock.stateDictLayout(out, "transformer.resblocks." + i + ".", block(i));
        }
        out.add(TorchParam.same("ln_final.weight", PROJECTION, ClipTextProjection.LN_GAIN));
        out.add(TorchParam.same("ln_final.bias", PROJECTION, ClipTextProjection.LN_BIAS));
        out.add(TorchParam.same("text_projection", PROJECTION, ClipTextProjection.PROJECTION));
        return out;
    }

    public ClipTextShape shape() {
        return shape;
    }

    public ComputationGraph graph() {
        return graph;
    }

    /** The token table [vocabulary, width]. */
    public INDArray tokenEmbedding() {
        return tokenEmbedding;
    }

    /** Why {@code ids} cannot go through this tower (too long for the context, an id outside the vocabulary), or null. */
    public String misfit(long[] ids) {
        if (ids.length > shape.context()) {
            return "a text of " + ids.length + " tokens is longer than CLIP's context " + shape.context();
        }
        for (long id : ids) {
            if (id < 0 || id >= shape.vocabulary()) {
                return "token id " + id + " is outside the vocabulary of " + shape.vocabulary();
            }
        }
        return null;
    }

    /** Token ids (each text at most the context long) as the graph's input [N, width, context], padded with id 0. */
    public INDArray embed(long[][] ids) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, ids.length, shape.width(), shape.context());
        for (int n = 0; n < ids.length; n++) {
            String why = misfit(ids[n]);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
            long[] padded = java.util.Arrays.copyOf(ids[n], shape.context());
            x.get(NDArrayIndex.point(n), NDArrayIndex.all(), NDArrayIndex.all()).assign(tokenEmbedding.getRows(toInts(padded)).transpose());
        }
        return x;
    }

    /** The end-of-text position: the first highest id, as CLIP's {@code argmax}. */
    public static int endOfText(long[] ids) {
        int best = 0;
        for (int i = 1; i < ids.length; i++) {
            best = ids[i] > ids[best] ? i : best;
        }
        return best;
    }

    /** CLIP's text features (not normalised): [N, output], one row per text. */
    public INDArray encode(long[][] ids) {
        INDArray states = graph.outputSingle(false, embed(ids));
        INDArray out = Nd4j.create(DataType.FLOAT, ids.length, shape.outputDim());
        for (int n = 0; n < ids.length; n++) {
            out.getRow(n).assign(states.get(NDArrayIndex.point(n), NDArrayIndex.all(), NDArrayIndex.point(endOfText(ids[n]))));
        }
        return out;
    }

    private static int[] toInts(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }
}
