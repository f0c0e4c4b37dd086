package vlfer.model.encoder.vit;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import vlfer.model.encoder.samediff.HalvingSameDiffLayer;

/**
 * What the ViT's SameDiff layers share: the token width and count of the sequence they produce or
 * read (DL4J's NCW [N, width, tokens]), no automatic preprocessor, and the bean accessors DL4J's
 * JSON (model files, Spark workers) reads and writes through.
 */
abstract class VitLayer extends HalvingSameDiffLayer {
    protected long width;
    protected long tokens;

    /** For JSON deserialisation. */
    VitLayer() {
    }

    VitLayer(long width, long tokens) {
        this.width = width;
        this.tokens = tokens;
    }

    /** Fails unless {@code inputType} is this layer's token sequence; {@code who} names the layer. */
    void requireTokens(InputType inputType, String who) {
        if (!(inputType instanceof InputType.InputTypeRecurrent r) || r.getSize() != width || r.getTimeSeriesLength() != tokens) {
            throw new IllegalArgumentException(who + " needs tokens [" + width + ", " + tokens + "], got " + inputType);
        }
    }

    boolean sameShape(VitLayer o) {
        return o.width == width && o.tokens == tokens;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    public long getWidth() {
        return width;
    }

    public void setWidth(long width) {
        this.width = width;
    }

    public long getTokens() {
        return tokens;
    }

    public void setTokens(long tokens) {
        this.tokens = tokens;
    }
}
