package vlfer.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import vlfer.config.MethodSettings;
import vlfer.data.LabelVocabulary;
import vlfer.model.loss.ZeroShotLayer;
import vlfer.text.ClassEmbeddingTable;
import vlfer.text.PromptFamily;

/**
 * zeroshot, the baseline without training: a vision-language model's image embedding against its
 * own text embeddings of the class prompts, CLIP-style, with prompt ensembles by logit averaging
 * (per class the mean of s * cos over its prompts, as expclip classifies; CLIP's own recipe
 * averages the prompt embeddings instead). Needs the image and text towers of one model.
 */
final class ZeroShotMethod implements TrainingMethod {
    static final String OUTPUT = "zeroshot";

    @Override
    public String name() {
        return "zeroshot";
    }

    @Override
    public String label(MethodSettings settings) {
        return "zeroshot-" + settings.zeroshot().prompts();
    }

    @Override
    public boolean trains() {
        return false;
    }

    @Override
    public List<String> prompts(LabelVocabulary vocabulary) {
        return PromptFamily.PHOTO_OF_FACE.prompts(vocabulary).stream().map(l -> l.get(0)).toList();
    }

    @Override
    public List<List<String>> promptsPerClass(LabelVocabulary vocabulary, MethodSettings settings) {
        return PromptFamily.named(settings.zeroshot().prompts()).prompts(vocabulary);
    }

    @Override
    public String addHead(ComputationGraphConfiguration.GraphBuilder g, String features, int featureWidth,
                          ClassEmbeddingTable table, MethodSettings settings, long seed) {
        g.addLayer(OUTPUT, new ZeroShotLayer(featureWidth, table.toDoubleMatrix(), table.promptClasses(),
                table.vocabulary().size(), settings.zeroshot().logitScale()), features);
        return OUTPUT;
    }

    @Override
    public boolean outputsLogits() {
        return true;
    }
}
