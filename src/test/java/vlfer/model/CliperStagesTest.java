package vlfer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.config.VlferSettings;
import vlfer.data.LabelVocabulary;
import vlfer.model.loss.CliperLossLayer;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.text.ClassEmbeddingTable;
import vlfer.train.LearningRates;

/**
 * cliper's two stages through the per-layer learning rates the trainer applies each epoch:
 * stage 1 moves the descriptors and projection only, stage 2 the encoder and projection only.
 */
class CliperStagesTest {
    private static final String ENCODER_WEIGHT = "cnn.fc";

    @Test
    void stageOneTrainsTheDescriptorsAndStageTwoTheEncoder() {
        VlferSettings s = TestRuns.settings(java.nio.file.Path.of("target"), "vlfer.method.name=cliper",
                "vlfer.method.cliper.descriptor-epochs=1").settings();
        TrainingMethod cliper = TrainingMethods.create(s.method());
        ClassEmbeddingTable table = TestData.randomTable(LabelVocabulary.BASIC_7, 16, 5);
        NetworkFactory factory = new NetworkFactory(s.model(), s.train(), s.seed());
        ComputationGraph g = factory.create(cliper, table);
        int side = factory.inputSpec().height();
        INDArray x = Nd4j.rand(DataType.FLOAT, 14, 3, side, side);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 14, 7);
        for (int i = 0; i < 14; i++) {
            y.putScalar(i, i % 7, 1);
        }
        MultiDataSet batch = new MultiDataSet(x, y);

        INDArray encoder0 = param(g, ENCODER_WEIGHT, "W");
        INDArray projection0 = param(g, CliperMethod.PROJECTION, "W");
        INDArray descriptors0 = param(g, CliperMethod.OUTPUT, CliperLossLayer.DESCRIPTORS);
        LearningRates.set(g, layer -> cliper.learningRate(layer, 0, 0.05));
        g.fit(batch);
        assertEquals(encoder0, param(g, ENCODER_WEIGHT, "W"), "stage 1 leaves the encoder alone");
        assertNotEquals(projection0, param(g, CliperMethod.PROJECTION, "W"));
        assertNotEquals(descriptors0, param(g, CliperMethod.OUTPUT, CliperLossLayer.DESCRIPTORS));

        INDArray descriptors1 = param(g, CliperMethod.OUTPUT, CliperLossLayer.DESCRIPTORS);
        LearningRates.set(g, layer -> cliper.learningRate(layer, 1, 0.05));
        g.fit(batch);
        g.fit(batch);
        assertEquals(descriptors1, param(g, CliperMethod.OUTPUT, CliperLossLayer.DESCRIPTORS), "stage 2 freezes the descriptors");
        assertNotEquals(encoder0, param(g, ENCODER_WEIGHT, "W"));
    }

    @Test
    void descriptorsStartAtTheirClassSentenceWithTheConfiguredNoise() {
        VlferSettings s = TestRuns.settings(java.nio.file.Path.of("target"), "vlfer.method.name=cliper",
                "vlfer.method.cliper.init-noise=0.01").settings();
        ClassEmbeddingTable table = TestData.randomTable(LabelVocabulary.BASIC_7, 384, 5);
        CliperSettings cliper = CliperSettings.read(s.method().of("cliper"));
        double[][] u = CliperMethod.startingDescriptors(table, cliper, 42);
        int k = cliper.descriptors();
        assertEquals(7 * k, u.length);
        double sumSq = 0;
        int n = 0;
        for (int c = 0; c < 7; c++) {
            for (int j = 0; j < k; j++) {
                for (int d = 0; d < 384; d++) {
                    double noise = u[c * k + j][d] - table.row(c)[d];
                    sumSq += noise * noise;
                    n++;
                }
            }
        }
        double sd = Math.sqrt(sumSq / n);
        assertTrue(Math.abs(sd - 0.01) < 0.0005, "noise sd " + sd);
        assertNotEquals(u[0][0], u[1][0], "the K descriptors of a class differ");
        assertEquals(List.of("cliper-emb-k" + k), List.of(TrainingMethods.create(s.method()).label()));
    }

    private static INDArray param(ComputationGraph g, String layer, String name) {
        return g.getLayer(layer).getParam(name).dup();
    }
}
