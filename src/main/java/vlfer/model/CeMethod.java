package vlfer.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import vlfer.data.LabelVocabulary;
import vlfer.text.ClassEmbeddingTable;

/**
 * ce, the baseline: a linear classifier on the visual feature with one-hot cross-entropy, the
 * "fine-tune with discrete labels" the vision-language methods are compared against. No text.
 */
final class CeMethod implements TrainingMethod {
    static final String OUTPUT = "ce";

    @Override
    public String label() {
        return "ce";
    }

    @Override
    public boolean usesText() {
        return false;
    }

    @Override
    public List<List<String>> promptsPerClass(LabelVocabulary vocabulary) {
        return List.of();
    }

    @Override
    public String addHead(ComputationGraphConfiguration.GraphBuilder g, String features, int featureWidth,
                          ClassEmbeddingTable table, int labelWidth, long seed) {
        g.addLayer(OUTPUT, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(featureWidth)
                .nOut(labelWidth).activation(Activation.SOFTMAX).build(), features);
        return OUTPUT;
    }

    @Override
    public boolean outputsLogits() {
        return false;
    }
}
