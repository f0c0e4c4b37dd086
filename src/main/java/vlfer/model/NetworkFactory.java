package vlfer.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import vlfer.model.optim.Optimizers;
import vlfer.config.ModelSettings;
import vlfer.config.TrainSettings;
import vlfer.data.image.InputSpec;
import vlfer.model.encoder.EncoderArchitecture;
import vlfer.model.encoder.EncoderMetadata;
import vlfer.model.encoder.EncoderRegistry;
import vlfer.model.temporal.FramesToBatch;
import vlfer.model.temporal.TemporalMean;
import vlfer.text.ClassEmbeddingTable;

/**
 * The one network factory every runner uses (local, Spark, tests): image input, the registered
 * visual encoder, then the method's head and loss.
 */
public final class NetworkFactory {
    public static final String INPUT = "image";

    private final TrainSettings train;
    private final long seed;
    private final EncoderArchitecture encoder;

    public NetworkFactory(ModelSettings model, TrainSettings train, long seed) {
        this.train = train;
        this.seed = seed;
        this.encoder = EncoderRegistry.create(model);
    }

    public EncoderArchitecture encoder() {
        return encoder;
    }

    public EncoderMetadata encoderMetadata() {
        return encoder.metadata();
    }

    /** What the data pipeline must produce for this encoder. */
    public InputSpec inputSpec() {
        return encoder.metadata().input();
    }

    /**
     * The network for {@code method} on faces ({@code frames == 1}) or clips [N, 3 x frames, H, W]
     * (the encoder runs on every frame and its features are mean-pooled over time before the
     * head), trained on label rows of {@code labelWidth} values ({@link Supervision#labelWidth()}).
     */
    public ComputationGraphConfiguration configuration(TrainingMethod method, ClassEmbeddingTable table, int frames,
                                                       int labelWidth) {
        EncoderMetadata m = encoder.metadata();
        ComputationGraphConfiguration.GraphBuilder g = Optimizers.apply(new NeuralNetConfiguration.Builder(), train)
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU)
                // the trainer sets the learning rate before every epoch (LearningRates)
                .graphBuilder()
                .addInputs(INPUT);
        String features;
        if (frames > 1) {
            g.addVertex("frames-to-batch", new PreprocessorVertex(new FramesToBatch(frames, m.inputHeight(), m.inputWidth())), INPUT);
            String perFrame = encoder.addTo(g, "frames-to-batch");
            g.addVertex("temporal-mean", new PreprocessorVertex(new TemporalMean(frames, m.featureWidth())), perFrame);
            features = "temporal-mean";
        } else {
            features = encoder.addTo(g, INPUT);
        }
        String output = method.addHead(g, features, m.featureWidth(), table, labelWidth, seed);
        g.setOutputs(output);
        g.setInputTypes(InputType.convolutional(m.inputHeight(), m.inputWidth(), (long) m.channels() * frames));
        return Optimizers.withDecay(g.build(), method::decays);
    }

    /** The network for single faces trained on one-hot classes of {@code table}'s vocabulary. */
    public ComputationGraph create(TrainingMethod method, ClassEmbeddingTable table) {
        return create(method, table, 1, table.vocabulary().size());
    }

    public ComputationGraph create(TrainingMethod method, ClassEmbeddingTable table, int frames, int labelWidth) {
        ComputationGraph graph = new ComputationGraph(configuration(method, table, frames, labelWidth));
        graph.init();
        encoder.loadPretrained(graph);
        method.loadPretrained(graph);
        return graph;
    }
}
