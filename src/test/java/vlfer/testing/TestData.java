package vlfer.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vlfer.config.VlferSettings;
import vlfer.data.LabelVocabulary;
import vlfer.data.synth.SynthesisSummary;
import vlfer.data.synth.SynthSettings;
import vlfer.data.synth.SyntheticFaceGenerator;
import vlfer.text.ClassEmbeddingTable;

/** Small, seeded inputs for tests. */
public final class TestData {
    private TestData() {
    }

    /** Writes the run's synthetic dataset, in its configured layout, where its settings say. */
    public static SynthesisSummary synthesize(VlferSettings s) {
        return new SyntheticFaceGenerator(SynthSettings.read(s.synth())).write(Path.of(s.synth().dir()), s.synth().layout());
    }

    /** A random class-embedding table (no text encoder needed), rows L2-normalised. */
    public static ClassEmbeddingTable randomTable(LabelVocabulary vocab, int dimension, long seed) {
        Random r = new Random(seed);
        float[][] m = new float[vocab.size()][dimension];
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < vocab.size(); i++) {
            double norm = 0;
            for (int j = 0; j < dimension; j++) {
                m[i][j] = (float) r.nextGaussian();
                norm += m[i][j] * m[i][j];
            }
            for (int j = 0; j < dimension; j++) {
                m[i][j] /= (float) Math.sqrt(norm);
            }
            prompts.add("random class " + i);
        }
        return new ClassEmbeddingTable(vocab, prompts, m, "random-" + seed);
    }
}
