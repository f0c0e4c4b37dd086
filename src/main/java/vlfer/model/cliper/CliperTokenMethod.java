package vlfer.model.cliper;

import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.L2NormalizeVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.config.ModelSettings;
import vlfer.data.LabelVocabulary;
import vlfer.interop.npz.StateDictImporter;
import vlfer.model.CliperSettings;
import vlfer.model.TrainingMethod;
import vlfer.model.encoder.TorchParam;
import vlfer.model.loss.CliperScoreLossLayer;
import vlfer.model.text.ClipTextShape;
import vlfer.model.text.ClipTextTower;
import vlfer.model.text.ClipTextTransformer;
import vlfer.text.ClassEmbeddingTable;
import vlfer.text.DescriptorSentences;

/**
 * cliper as published (METHODS.md section 2): each of the C x K descriptors is M learnt token
 * vectors in place of the X tokens of "an ID photo of X X X X.", and every step CLIP's frozen text
 * transformer turns them into the descriptor embeddings u_ck, so the loss's gradient reaches the
 * tokens. The image tower must be CLIP's, of the same model: scores are cosines in CLIP's joint
 * space, without a projection. Stage 1 trains the tokens only; stage 2 freezes them and fine-tunes
 * the image tower. The text tower never trains.
 */
public final class CliperTokenMethod implements TrainingMethod {
    static final String TOKENS = "cliper.tokens";
    static final String PROMPT = "cliper.prompt";
    static final String IMAGE = "cliper.image";
    static final String DESCRIPTORS = "cliper.descriptors";
    static final String SCORES = "cliper.scores";
    static final String OUTPUT = "cliper";

    private final CliperSettings c;
    private final Supplier<ClipTextTower> towerSource;
    private ClipTextTower tower;

    /** {@code tower}: reads CLIP's text tower and tokenises the template when the head is first built (driver only). */
    public CliperTokenMethod(CliperSettings settings, Supplier<ClipTextTower> tower) {
        this.c = settings;
        this.towerSource = tower;
    }

    /** The prompt template with its {@code tokens} learnt slots, as the released code writes it. */
    public static String template(int tokens) {
        return "an ID photo of " + String.join(" ", java.util.Collections.nCopies(tokens, "X")) + ".";
    }

    private ClipTextTower tower() {
        if (tower == null) {
            tower = towerSource.get();
        }
        return tower;
    }

    /** CLIP's image tower ({@code clip-vit*}): scores are cosines in the joint space of one CLIP model. */
    @Override
    public void checkEncoder(ModelSettings model) {
        if (!model.encoder().startsWith("clip-vit")) {
            throw model.block().invalid("encoder", "CLIP's image tower (clip-vit-b16, clip-vit-b32 or clip-vit) with the"
                    + " weights of the model whose text tower vlfer.text.clip-text reads: cliper-tok scores image and"
                    + " text in that model's joint space", model.encoder());
        }
    }

    @Override
    public String label() {
        return "cliper-tok-k" + c.descriptors();
    }

    /** Encoded only for the run's text table (its width and hash on the model card); the descriptors are the tokens. */
    @Override
    public List<List<String>> promptsPerClass(LabelVocabulary vocabulary) {
        return DescriptorSentences.of(vocabulary).stream().map(List::of).toList();
    }

    @Override
    public String addHead(ComputationGraphConfiguration.GraphBuilder g, String features, int featureWidth,
                          ClassEmbeddingTable table, int labelWidth, long seed) {
        ClipTextTower t = tower();
        ClipTextShape shape = promptShape(t);
        if (featureWidth != shape.outputDim()) {
            throw new IllegalArgumentException("cliper-tok scores image and text in CLIP's joint space, so it needs the image"
                    + " tower of the same CLIP model (vlfer.model.encoder = clip-vit*): the encoder's features are "
                    + featureWidth + "-d, the text tower's " + shape.outputDim() + "-d");
        }
        int classes = table.rows();
        long prompts = (long) classes * c.descriptors();
        g.addLayer(TOKENS, new CliperTokens(prompts, c.promptTokens(), shape.width(), c.tokenInitStd()), features);
        g.addLayer(PROMPT, new PromptSplice(shape.width(), shape.context(), t.firstSlot(), c.promptTokens()), TOKENS);
        String text = ClipTextTransformer.addTower(g, shape, PROMPT);
        g.addLayer(DESCRIPTORS, new EndOfTextDescriptors(shape.outputDim(), shape.context(), t.endOfText()), text);
        g.addVertex(IMAGE, new L2NormalizeVertex(new int[] {1}, L2NormalizeVertex.DEFAULT_EPS), features);
        g.addVertex(SCORES, new DescriptorScores(prompts, c.temperature()), IMAGE, DESCRIPTORS);
        g.addLayer(OUTPUT, new CliperScoreLossLayer(classes, c.descriptors()), SCORES);
        return OUTPUT;
    }

    /**
     * The text tower cut after the prompt's end-of-text token: under the causal mask no token sees a
     * later one, so the padding after it never reaches the state CLIP reads, and running the
     * template's 11 tokens instead of the full context (77) gives the same u_ck for a seventh of the work.
     */
    private static ClipTextShape promptShape(ClipTextTower t) {
        ClipTextShape s = t.shape();
        return new ClipTextShape(t.endOfText() + 1, s.vocabulary(), s.width(), s.layers(), s.heads(), s.outputDim());
    }

    /** CLIP's text weights into the frozen layers (positions up to the end-of-text token), and the template's token embeddings. */
    @Override
    public void loadPretrained(ComputationGraph graph) {
        ClipTextTower t = tower();
        ClipTextShape shape = promptShape(t);
        List<TorchParam> layout = ClipTextTransformer.stateDictLayout(shape, PROMPT, PromptSplice.POSITIONS).stream()
                .filter(p -> !p.key().equals("positional_embedding")).toList();
        StateDictImporter.load(graph, layout, t.weights(), "");
        INDArray positions = t.weights().tensors().get("positional_embedding");
        INDArray table = t.weights().tensors().get("token_embedding.weight");
        INDArray template = graph.getLayer(PROMPT).getParam(PromptSplice.TEMPLATE);
        INDArray position = graph.getLayer(PROMPT).getParam(PromptSplice.POSITIONS);
        long[] ids = t.promptIds();
        for (int i = 0; i < shape.context(); i++) {
            template.getRow(i).assign(table.getRow(ids[i]).castTo(template.dataType()));
            position.getRow(i).assign(positions.getRow(i).castTo(position.dataType()));
        }
        // a whole CLIP checkpoint is large: let it go once its weights are in the graph (read again if needed)
        tower = null;
    }

    /** Tokens, template and text tower never decay (the released recipe: stage 1 without weight decay). */
    @Override
    public boolean decays(String layer) {
        return !layer.startsWith("cliper") && !ClipTextTransformer.inTower(layer);
    }

    @Override
    public double learningRate(String layer, int epoch, double scheduled) {
        if (layer.equals(PROMPT) || ClipTextTransformer.inTower(layer)) {
            return 0;
        }
        boolean stageOne = epoch < c.descriptorEpochs();
        if (layer.equals(TOKENS)) {
            return stageOne ? c.descriptorLearningRate() : 0;
        }
        return stageOne ? 0 : scheduled;
    }

    @Override
    public String stage(String layer) {
        return layer.equals(TOKENS) ? "descriptors" : layer.equals(PROMPT) || ClipTextTransformer.inTower(layer)
                ? "text (frozen)" : "encoder";
    }

    @Override
    public boolean outputsLogits() {
        return true;
    }
}
