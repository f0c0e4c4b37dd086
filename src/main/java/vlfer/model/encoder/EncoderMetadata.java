package vlfer.model.encoder;

import java.io.Serializable;
import vlfer.data.image.InputSpec;

/**
 * What the data pipeline and the heads need to know about a visual encoder: the input it expects
 * (size and normalisation, from which the data pipeline is resolved), its channels and the width
 * of the feature vector it ends with.
 */
public record EncoderMetadata(String name, InputSpec input, int channels, int featureWidth) implements Serializable {
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    public EncoderMetadata {
        if (channels < 1 || featureWidth < 1) {
            throw new IllegalArgumentException("invalid encoder metadata for " + name);
        }
    }

    /** A square RGB input with ImageNet normalisation. */
    public static EncoderMetadata imageNet(String name, int inputSize, int featureWidth) {
        return new EncoderMetadata(name, new InputSpec(inputSize, inputSize, IMAGENET_MEAN, IMAGENET_STD), 3, featureWidth);
    }

    public int inputHeight() {
        return input.height();
    }

    public int inputWidth() {
        return input.width();
    }
}
