package vlfer.model.expclip;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;
import vlfer.data.LabelVocabulary;
import vlfer.data.RejectedRow;
import vlfer.data.TrainingLabels;
import vlfer.model.Supervision;
import vlfer.model.SupervisionSources;
import vlfer.model.TrainingMethod;
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
public final class ExpclipMethod implements TrainingMethod {
    public static final String OUTPUT = "expclip";

    private final ExpclipSettings x;

    public ExpclipMethod(ExpclipSettings settings) {
        this.x = settings;
    }

    @Override
    public String label() {
        return (x.sharedSpace() ? "expclip-shared-" : "expclip-i2t-") + x.prompts();
    }

    @Override
    public List<List<String>> promptsPerClass(LabelVocabulary vocabulary) {
        return PromptFamily.named(x.prompts()).prompts(vocabulary);
    }

    /**
     * Each face's target vector (labels are not needed); faces without one join the split's
     * rejects as {@code missing-target}.
     */
    @Override
    public Supervision supervise(DatasetSplit read, SupervisionSources sources) {
        Map<String, float[]> targets = FaceTargets.forSamples(FaceTargets.load(x.targets(), sources.datasetRoot(),
                sources.files(), sources.textEncoder()), read.samples());
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + read.dataset() + "': no training face has an expclip target "
                    + "(vlfer.method.expclip.targets); sample ids look like " + read.samples().stream().limit(3)
                    .map(FaceSample::id).toList());
        }
        int width = targets.values().iterator().next().length;
        List<FaceSample> missing = read.samples().stream().filter(s -> !targets.containsKey(s.id())).toList();
        if (missing.isEmpty()) {
            return new Supervision(read, TrainingLabels.vectors(targets, width), width, null);
        }
        List<RejectedRow> rows = missing.stream().map(s -> new RejectedRow(s.dataset(), s.location(), 0, "missing-target",
                "no expclip target for sample " + s.id())).toList();
        return new Supervision(read.withRejected(missing, rows), TrainingLabels.vectors(targets, width), width,
                missing.size() + " faces have no expclip target");
    }

    @Override
    public String addHead(ComputationGraphConfiguration.GraphBuilder g, String features, int featureWidth,
                          ClassEmbeddingTable table, int labelWidth, long seed) {
        g.addLayer(OUTPUT, new InfoNceLossLayer(featureWidth, table.toDoubleMatrix(), table.promptClasses(),
                table.vocabulary().size(), x.logitScale(), x.sharedSpace(), labelWidth), features);
        return OUTPUT;
    }

    @Override
    public double learningRate(String layer, int epoch, double scheduled) {
        return layer.equals(OUTPUT) || x.trainEncoder() ? scheduled : 0;
    }

    @Override
    public boolean outputsLogits() {
        return true;
    }
}
