package vlfer.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.config.SettingsLoader;
import vlfer.config.VlferSettings;
import vlfer.data.LabelVocabulary;
import vlfer.interop.npz.StateDict;
import vlfer.model.CliperSettings;
import vlfer.model.NetworkFactory;
import vlfer.model.TrainingMethod;
import vlfer.model.TrainingMethods;
import vlfer.model.cliper.CliperTokenMethod;
import vlfer.model.text.ClipTextShape;
import vlfer.model.text.ClipTextTower;
import vlfer.testing.TestData;
import vlfer.text.ClassEmbeddingTable;
import vlfer.train.LearningRates;

/**
 * One training step of token-space cliper (cliper-tok-k5: 35 prompts through CLIP ViT-B/16's text
 * transformer every step: context 77, width 512, 12 blocks, random weights of that shape) against
 * the embedding-space variant (cliper-emb-k5), both in stage 1 and stage 2, on the same image tower
 * (clip-vit with a 512-d output; -Dbench.vit=patch,width,layers,heads,side, default 16,256,4,4,112).
 * Prints ms per step. -Dbench.batch=32 -Dbench.steps=10.
 */
public final class CliperStepBench {
    public static void main(String[] args) {
        int batch = Integer.getInteger("bench.batch", 32);
        int steps = Integer.getInteger("bench.steps", 10);
        String[] vit = System.getProperty("bench.vit", "16,256,4,4,112").split(",");
        VlferSettings s = new SettingsLoader().load(null, List.of("vlfer.model.encoder=clip-vit",
                "vlfer.model.vit.patch=" + vit[0], "vlfer.model.vit.width=" + vit[1], "vlfer.model.vit.layers=" + vit[2],
                "vlfer.model.vit.heads=" + vit[3], "vlfer.model.input-size=" + vit[4], "vlfer.model.vit.output-dim=512",
                "vlfer.method.name=cliper", "vlfer.method.cliper.descriptor-epochs=1")).settings();
        CliperSettings embeddings = CliperSettings.read(s.method().of("cliper"));
        CliperSettings tokens = new CliperSettings(embeddings.descriptors(), embeddings.temperature(), embeddings.initNoise(),
                1, embeddings.descriptorLearningRate(), CliperSettings.DescriptorSpace.TOKENS, 4, 0.001);
        ClassEmbeddingTable table = TestData.randomTable(LabelVocabulary.BASIC_7, 512, 1);
        System.out.printf(Locale.ROOT, "threads: OMP_NUM_THREADS=%s; image tower clip-vit %s; batch %d%n",
                System.getenv("OMP_NUM_THREADS"), String.join(",", vit), batch);
        report("cliper-emb-k5", TrainingMethods.create(s.method()), s, table, batch, steps);
        report("cliper-tok-k5", new CliperTokenMethod(tokens, CliperStepBench::vitB16TextTower), s, table, batch, steps);
    }

    private static void report(String name, TrainingMethod method, VlferSettings s, ClassEmbeddingTable table, int batch,
                               int steps) {
        ComputationGraph net = new NetworkFactory(s.model(), s.train(), s.seed()).create(method, table);
        int side = Integer.parseInt(System.getProperty("bench.vit", "16,256,4,4,112").split(",")[4]);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, side, side);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 7);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % 7, 1);
        }
        MultiDataSet mds = new MultiDataSet(x, y);
        double[] ms = new double[2];
        for (int epoch = 0; epoch < 2; epoch++) {
            int e = epoch;
            LearningRates.set(net, layer -> method.learningRate(layer, e, 1e-3));
            for (int i = 0; i < 2; i++) {
                net.fit(mds);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                net.fit(mds);
            }
            ms[epoch] = (System.nanoTime() - t0) / 1e6 / steps;
        }
        System.out.printf(Locale.ROOT, "%-14s params %,11d  stage 1 %8.1f ms/step  stage 2 %8.1f ms/step%n", name,
                net.numParams(), ms[0], ms[1]);
    }

    /** A CLIP ViT-B/16 text tower of random weights (N(0, 0.02^2), norms 1 and 0), template ids as CLIP's tokenizer gives them. */
    static ClipTextTower vitB16TextTower() {
        ClipTextShape shape = new ClipTextShape(77, 49408, 512, 12, 8, 512);
        Map<String, INDArray> t = new LinkedHashMap<>();
        t.put("token_embedding.weight", normal(49408, 512));
        t.put("positional_embedding", normal(77, 512));
        for (int i = 0; i < 12; i++) {
            String p = "transformer.resblocks." + i + ".";
            t.put(p + "ln_1.weight", Nd4j.ones(DataType.FLOAT, 512));
            t.put(p + "ln_1.bias", Nd4j.zeros(DataType.FLOAT, 512));
            t.put(p + "attn.in_proj_weight", normal(1536, 512));
            t.put(p + "attn.in_proj_bias", Nd4j.zeros(DataType.FLOAT, 1536));
            t.put(p + "attn.out_proj.weight", normal(512, 512));
            t.put(p + "attn.out_proj.bias", Nd4j.zeros(DataType.FLOAT, 512));
            t.put(p + "ln_2.weight", Nd4j.ones(DataType.FLOAT, 512));
            t.put(p + "ln_2.bias", Nd4j.zeros(DataType.FLOAT, 512));
            t.put(p + "mlp.c_fc.weight", normal(2048, 512));
            t.put(p + "mlp.c_fc.bias", Nd4j.zeros(DataType.FLOAT, 2048));
            t.put(p + "mlp.c_proj.weight", normal(512, 2048));
            t.put(p + "mlp.c_proj.bias", Nd4j.zeros(DataType.FLOAT, 512));
        }
        t.put("ln_final.weight", Nd4j.ones(DataType.FLOAT, 512));
        t.put("ln_final.bias", Nd4j.zeros(DataType.FLOAT, 512));
        t.put("text_projection", normal(512, 512));
        // <|startoftext|> an id photo of x x x x . <|endoftext|>, padded with 0 (CLIP's ids)
        long[] ids = new long[77];
        long[] prompt = {49406, 550, 1579, 1125, 539, 343, 343, 343, 343, 269, 49407};
        System.arraycopy(prompt, 0, ids, 0, prompt.length);
        return new ClipTextTower(shape, StateDict.of("random CLIP ViT-B/16 text tower", t, List.of()), ids, 5, 4);
    }

    private static INDArray normal(long rows, long cols) {
        return Nd4j.randn(DataType.FLOAT, rows, cols).muli(0.02);
    }
}
