package vlfer.model.encoder.swin;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import vlfer.model.encoder.samediff.HalvingSameDiffLayer;

/**
 * What the Swin SameDiff layers share: the map they read, [N, height, width, channels] channels-last
 * as torchvision's Swin keeps it between its modules (so no layer transposes twice), no automatic
 * preprocessor, and the bean accessors DL4J's JSON (model files, Spark workers) reads and writes
 * through.
 */
abstract class SwinLayer extends HalvingSameDiffLayer {
    protected long channels;
    protected long height;
    protected long width;

    /** For JSON deserialisation. */
    SwinLayer() {
    }

    SwinLayer(long channels, long height, long width) {
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** A channels-last map type. */
    static InputType map(long height, long width, long channels) {
        return InputType.convolutional(height, width, channels, CNN2DFormat.NHWC);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        requireMap(inputType, CNN2DFormat.NHWC);
    }

    /** Fails unless {@code inputType} is this layer's map in {@code format}. */
    void requireMap(InputType inputType, CNN2DFormat format) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c) || c.getChannels() != channels
                || c.getHeight() != height || c.getWidth() != width || c.getFormat() != format) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs a " + format + " map of " + channels
                    + " channels, " + height + " x " + width + ", got " + inputType);
        }
    }

    boolean sameMap(SwinLayer o) {
        return o.getClass() == getClass() && o.channels == channels && o.height == height && o.width == width;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    public long getChannels() {
        return channels;
    }

    public void setChannels(long channels) {
        this.channels = channels;
    }

    public long getHeight() {
        return height;
    }

    public void setHeight(long height) {
        this.height = height;
    }

    public long getWidth() {
        return width;
    }

    public void setWidth(long width) {
        this.width = width;
    }
}
