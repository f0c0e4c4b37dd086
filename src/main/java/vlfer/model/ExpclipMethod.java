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
 * expclip in image-to-text mode: a bias-free projection of the image feature into the text
 * encoder's space, trained with symmetric InfoNCE against one target vector per face (no labels);
 * classification is zero-shot, by the configured prompt family. The image encoder stays frozen
 * unless {@code train-encoder} is set. (The paper's shared-space mode, one projection for both
 * sides of a CLIP pair, needs image and text encoders of one vision-language model.)
 */
final class ExpclipMethod implements TrainingMethod {
    static final String OUTPUT = "expclip";

    @Override
    public String name() {
        return "expclip";
    }

    @Override
    public String label(MethodSettings settings) {
        return "expclip-i2t-" + settings.expclip().prompts();
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
        ExpclipSettings x = settings.expclip();
        int[] promptClass = new int[table.rows()];
        for (int r = 0; r < promptClass.length; r++) {
            promptClass[r] = table.classOf(r);
        }
        g.addLayer(OUTPUT, new InfoNceLossLayer(featureWidth, table.toDoubleMatrix(), promptClass,
                table.vocabulary().size(), x.logitScale()), features);
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
