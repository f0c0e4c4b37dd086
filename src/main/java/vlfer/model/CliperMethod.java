package vlfer.model;

import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;
import vlfer.data.LabelVocabulary;
import vlfer.data.Seeds;
import vlfer.model.loss.CliperLossLayer;
import vlfer.text.ClassEmbeddingTable;
import vlfer.text.DescriptorSentences;

/**
 * cliper with its K descriptors per class learnt directly in the text-embedding space (the
 * variant METHODS.md allows when the text encoder is a frozen graph): each starts from the encoded
 * descriptor sentence of its class plus Gaussian noise. The visual feature is projected linearly
 * to the text width. Stage 1 trains descriptors and projection; stage 2 freezes the descriptors
 * and trains encoder and projection.
 */
final class CliperMethod implements TrainingMethod {
    static final String PROJECTION = "cliper.projection";
    static final String OUTPUT = "cliper";

    private final CliperSettings c;

    CliperMethod(CliperSettings settings) {
        this.c = settings;
    }

    @Override
    public String label() {
        return "cliper-emb-k" + c.descriptors();
    }

    @Override
    public List<List<String>> promptsPerClass(LabelVocabulary vocabulary) {
        return DescriptorSentences.of(vocabulary).stream().map(List::of).toList();
    }

    @Override
    public String addHead(ComputationGraphConfiguration.GraphBuilder g, String features, int featureWidth,
                          ClassEmbeddingTable table, int labelWidth, long seed) {
        g.addLayer(PROJECTION, new DenseLayer.Builder().nIn(featureWidth).nOut(table.dimension())
                .activation(Activation.IDENTITY).build(), features);
        g.addLayer(OUTPUT, new CliperLossLayer(startingDescriptors(table, c, seed), table.rows(), c.descriptors(),
                c.temperature()), PROJECTION);
        return OUTPUT;
    }

    /** Row c*K + k: the unit text embedding of class c plus N(0, noise^2) per coordinate. */
    static double[][] startingDescriptors(ClassEmbeddingTable table, CliperSettings c, long seed) {
        int k = c.descriptors();
        double[][] out = new double[table.rows() * k][];
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, 0xC11FE5));
        for (int cls = 0; cls < table.rows(); cls++) {
            float[] t = table.row(cls);
            double norm = 0;
            for (float x : t) {
                norm += x * x;
            }
            norm = Math.sqrt(Math.max(norm, 1e-24));
            for (int j = 0; j < k; j++) {
                double[] row = new double[t.length];
                for (int d = 0; d < t.length; d++) {
                    row[d] = t[d] / norm + c.initNoise() * gaussian(rng);
                }
                out[cls * k + j] = row;
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The released recipe trains the descriptors and their projection without weight decay (stage 1: wd 0). */
    @Override
    public boolean decays(String layer) {
        return !layer.equals(OUTPUT) && !layer.equals(PROJECTION);
    }

    @Override
    public double learningRate(String layer, int epoch, double scheduled) {
        boolean head = layer.equals(OUTPUT) || layer.equals(PROJECTION);
        if (epoch < c.descriptorEpochs()) {
            return head ? c.descriptorLearningRate() : 0;
        }
        return layer.equals(OUTPUT) ? 0 : scheduled;
    }

    @Override
    public String stage(String layer) {
        return layer.equals(OUTPUT) ? "descriptors" : layer.equals(PROJECTION) ? "projection" : "encoder";
    }

    @Override
    public boolean outputsLogits() {
        return true;
    }
}
