package vlfer.model.loss;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * CLIP-style zero-shot classification with logit averaging over prompt ensembles, with no parameters: the image embedding against the class prompts'
 * text embeddings of the same vision-language model, per class the mean of {@code s * cos} over
 * its prompts. Its loss (cross-entropy of those logits) is only there so that DL4J can score it;
 * the {@code zeroshot} method never trains.
 */
public final class ZeroShotLayer extends PromptClassifierLayer {
    public static final String LOGITS = "zeroshot_logits";

    /** For JSON deserialisation. */
    private ZeroShotLayer() {
    }

    public ZeroShotLayer(long featureWidth, double[][] prompts, int[] promptClass, int classes, double logitScale) {
        super("zeroshot", featureWidth, prompts, promptClass, classes, logitScale);
        if (prompts[0].length != featureWidth) {
            throw new IllegalArgumentException("zeroshot compares image and text embeddings of one vision-language model, "
                    + "but the image encoder gives " + featureWidth + " values and the text encoder " + prompts[0].length
                    + ": pair the image and text towers of one CLIP model (vlfer.model.encoder, vlfer.text.encoder)");
        }
    }

    @Override
    String who() {
        return "zeroshot";
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable f, SDVariable labels, Map<String, SDVariable> params) {
        DataType type = f.dataType();
        SDVariable promptVar = sd.constant("zeroshot_prompts", Nd4j.create(Vectors.unitRows(getPrompts())).castTo(type));
        SDVariable logits = PromptLogits.define(sd, LOGITS, Vectors.unit(sd, f), promptVar, getPromptClass(), getClasses(),
                getLogitScale(), type);
        SDVariable loss = Vectors.logSumExp(sd, logits, 1).sum().sub(logits.mul(labels).sum());
        loss.markAsLoss();
        return loss;
    }

    @Override
    public String activationsVertexName() {
        return LOGITS;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // no parameters
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZeroShotLayer z && samePrompts(z);
    }

    @Override
    public int hashCode() {
        return promptsHash();
    }
}
