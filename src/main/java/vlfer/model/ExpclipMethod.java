package vlfer.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import vlfer.config.ExpclipSettings;
import vlfer.config.MethodSettings;
import vlfer.data.LabelVocabulary;
import vlfer.model.loss.InfoNceLossLayer;
import vlfer.text.ClassEmbeddingTable;
import vlfer.text.PromptFamily;

/**
 * expclip: a bias-free projection trained with symmetric InfoNCE against one target vector per face
 * (no labels); classification is zero-shot, by the configured prompt family. Image-to-text mode
 * projects the image feature into the text encoder's space; shared-space mode (the paper's, for the
 * image and text towers of one CLIP model) projects image features and prompts alike. The image
 * encoder stays frozen unless {@code train-encoder} is set.
 */
final class ExpclipMethod implements TrainingMethod {
    static final String OUTPUT = "expclip";

    @Override
    public String name() {
        return "expclip";
    }

    @Override
    public String label(MethodSettings settings) {
        return (settings.expclip().sharedSpace() ? "expclip-shared-" : "expclip-i2t-") + settings.expclip().prompts();
    }

    @Override
    public boolean trainsOnFaceTargets() {
        return true;
    }

    @Override
    public List<String> prompts(LabelVocabulary vocabulary) {
        return PromptFamily.PHOTO_OF_FACE.prompts(vocabulary).stream().map(l -> l.get(0)).toList();
    }

    @Override
    public List<List<String>> promptsPerClass(LabelVocabulary vocabulary, MethodSettings settings) {
        return PromptFamily.named(settings.expclip().prompts()).prompts(vocabulary);
    }

    @Override
    public String addHead(ComputationGraphConfiguration.GraphBuilder g, String features, int featureWidth,
                          ClassEmbeddingTable table, MethodSettings settings, long seed) {
        return addHead(g, features, featureWidth, table, table.dimension(), settings, seed);
    }

    @Override
    public String addHead(ComputationGraphConfiguration.GraphBuilder g, String features, int featureWidth,
                          ClassEmbeddingTable table, int targetWidth, MethodSettings settings, long seed) {
        ExpclipSettings x = settings.expclip();
        g.addLayer(OUTPUT, new InfoNceLossLayer(featureWidth, table.toDoubleMatrix(), table.promptClasses(),
                table.vocabulary().size(), x.logitScale(), x.sharedSpace(), targetWidth > 0 ? targetWidth : table.dimension()),
                features);
        return OUTPUT;
    }

    @Override
    public double learningRate(String layer, int epoch, double scheduled, MethodSettings settings) {
        return layer.equals(OUTPUT) || settings.expclip().trainEncoder() ? scheduled : 0;
    }

    @Override
    public boolean outputsLogits() {
        return true;
    }
}
