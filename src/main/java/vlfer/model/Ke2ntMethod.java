package vlfer.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;
import vlfer.data.Expression;
import vlfer.data.LabelVocabulary;
import vlfer.model.loss.Ke2ntLossLayer;
import vlfer.text.ClassEmbeddingTable;
import vlfer.text.PromptTemplates;

/**
 * ke2nt: the visual feature is projected linearly to the text width (e = f(x) in the paper's
 * notation, whose encoders output that width directly) and matched against the class prompts.
 */
final class Ke2ntMethod implements TrainingMethod {
    static final String PROJECTION = "ke2nt.projection";
    static final String OUTPUT = "ke2nt";

    private final Ke2ntSettings k;

    Ke2ntMethod(Ke2ntSettings settings) {
        this.k = settings;
    }

    @Override
    public String label() {
        return "ke2nt";
    }

    @Override
    public List<List<String>> promptsPerClass(LabelVocabulary vocabulary) {
        return PromptTemplates.ke2nt(vocabulary).stream().map(List::of).toList();
    }

    @Override
    public String addHead(ComputationGraphConfiguration.GraphBuilder g, String features, int featureWidth,
                          ClassEmbeddingTable table, int labelWidth, long seed) {
        g.addLayer(PROJECTION, new DenseLayer.Builder().nIn(featureWidth).nOut(table.dimension())
                .activation(Activation.IDENTITY).build(), features);
        g.addLayer(OUTPUT, Ke2ntLossLayer.builder()
                .setTextEmbeddings(table.toDoubleMatrix())
                .setNeutralClass(table.vocabulary().indexOf(Expression.NEUTRAL))
                .setLogitScale(k.logitScale())
                .setHidden(k.neutralHidden())
                .setWeights(k.ls(), k.lt(), k.lc())
                .setLcForm(k.lcForm())
                .build(), PROJECTION);
        return OUTPUT;
    }

    @Override
    public boolean outputsLogits() {
        return true;
    }
}
