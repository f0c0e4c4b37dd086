package vlfer.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
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

    private final ZeroshotSettings z;

    ZeroShotMethod(ZeroshotSettings settings) {
        this.z = settings;
    }

    @Override
    public String label() {
        return "zeroshot-" + z.prompts();
    }

    @Override
    public boolean trains() {
        return false;
    }

    @Override
    public List<List<String>> promptsPerClass(LabelVocabulary vocabulary) {
        return PromptFamily.named(z.prompts()).prompts(vocabulary);
    }

    @Override
    public String addHead(ComputationGraphConfiguration.GraphBuilder g, String features, int featureWidth,
                          ClassEmbeddingTable table, int labelWidth, long seed) {
        g.addLayer(OUTPUT, new ZeroShotLayer(featureWidth, table.toDoubleMatrix(), table.promptClasses(),
                table.vocabulary().size(), z.logitScale()), features);
        return OUTPUT;
    }

    @Override
    public boolean outputsLogits() {
        return true;
    }
}
