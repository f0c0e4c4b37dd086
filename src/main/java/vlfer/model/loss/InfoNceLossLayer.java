package vlfer.model.loss;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The expclip output layer: its one parameter is the bias-free projection W ([feature width, target
 * width]) of the image feature f into the targets' space, {@code v = f W}. Training: the labels are one
 * target vector h per face, and the loss is the symmetric InfoNCE of the batch,
 * {@code S = s * norm(v) norm(h)^T}, {@code L = (CE(S, I) + CE(S^T, I)) / 2}. Output (zero-shot
 * classification): per class, the mean over its prompts of {@code s * cos(v, t_p)} (logit
 * averaging). In shared-space mode (a CLIP pair) the prompts pass through the same projection,
 * {@code cos(v, t_p W)}, as in Exp-CLIP. The prompt embeddings travel in the configuration.
 */
public final class InfoNceLossLayer extends PromptClassifierLayer {
    public static final String LOGITS = "class_logits";
    public static final String PROJECTION = "W";

    private boolean sharedSpace;
    /** The projection's output width: the targets' (in image-to-text mode also the prompts'). */
    private long textWidth;

    /** For JSON deserialisation. */
    private InfoNceLossLayer() {
    }

    /** {@code prompts}: one row per prompt, of class {@code promptClass[row]} among {@code classes}; image-to-text mode. */
    public InfoNceLossLayer(long featureWidth, double[][] prompts, int[] promptClass, int classes, double logitScale) {
        this(featureWidth, prompts, promptClass, classes, logitScale, false, prompts[0].length);
    }

    /**
     * {@code sharedSpace}: image features and prompts live in one space (a CLIP pair) and the same
     * projection [feature width, targetWidth] maps both, so the feature width must equal the
     * prompts' width and the targets may come from any model (e.g. a language model's encodings).
     * Image-to-text: the projection maps image features into the prompts' space, which the targets
     * must share ({@code targetWidth} = the prompts' width).
     */
    public InfoNceLossLayer(long featureWidth, double[][] prompts, int[] promptClass, int classes, double logitScale,
                            boolean sharedSpace, long targetWidth) {
        super("expclip", featureWidth, prompts, promptClass, classes, logitScale);
        long promptWidth = prompts[0].length;
        if (sharedSpace && promptWidth != featureWidth) {
            throw new IllegalArgumentException("expclip shared-space mode needs the image encoder's feature width ("
                    + featureWidth + ") to equal the text encoder's (" + promptWidth + "): use the image and text "
                    + "towers of one CLIP model, or vlfer.method.expclip.mode = image-to-text");
        }
        if (!sharedSpace && targetWidth != promptWidth) {
            throw new IllegalArgumentException("expclip image-to-text mode projects image features into the text encoder's "
                    + "space (" + promptWidth + " values), so the targets must have " + promptWidth + " values, not " + targetWidth
                    + ": targets from another model (e.g. a language model) need vlfer.method.expclip.mode = shared-space "
                    + "with a CLIP pair");
        }
        this.textWidth = targetWidth;
        this.sharedSpace = sharedSpace;
    }

    @Override
    String who() {
        return "expclip";
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable f, SDVariable h, Map<String, SDVariable> params) {
        DataType type = f.dataType();
        SDVariable w = params.get(PROJECTION);
        SDVariable v = f.mmul(w);                                                              // [B, D]
        SDVariable promptVar = sd.constant("expclip_prompts", Nd4j.create(Vectors.unitRows(getPrompts())).castTo(type));
        SDVariable promptSide = sharedSpace ? Vectors.unit(sd, promptVar.mmul(w)) : promptVar; // [P, D]
        SDVariable vUnit = Vectors.unit(sd, v);
        PromptLogits.define(sd, LOGITS, vUnit, promptSide, getPromptClass(), getClasses(), getLogitScale(), type);   // the output [B, C]

        SDVariable hUnit = Vectors.unit(sd, h);
        SDVariable s = vUnit.mmul(hUnit.permute(1, 0)).mul(getLogitScale());                    // [B, B]
        SDVariable diagonal = vUnit.mul(hUnit).sum(true, 1).mul(getLogitScale());               // [B, 1]
        SDVariable rowLse = Vectors.logSumExp(sd, s, 1);
        SDVariable colLse = Vectors.logSumExp(sd, s, 0);
        // DL4J divides the returned score by the batch size: return the batch sum
        SDVariable loss = rowLse.sum().add(colLse.sum()).mul(0.5).sub(diagonal.sum());
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
        params.addWeightParam(PROJECTION, getNIn(), textWidth);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        INDArray w = params.get(PROJECTION);
        w.assign(Nd4j.randn(w.dataType(), w.shape()).muli(Math.sqrt(2.0 / (getNIn() + textWidth))));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InfoNceLossLayer c && samePrompts(c) && c.sharedSpace == sharedSpace && c.textWidth == textWidth;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(promptsHash(), sharedSpace, textWidth);
    }

    // Bean accessors: DL4J's JSON (model files, evaluation broadcasts) reads and writes through them.

    public long getTextWidth() {
        return textWidth;
    }

    public void setTextWidth(long textWidth) {
        this.textWidth = textWidth;
    }

    public boolean isSharedSpace() {
        return sharedSpace;
    }

    public void setSharedSpace(boolean sharedSpace) {
        this.sharedSpace = sharedSpace;
    }
}
