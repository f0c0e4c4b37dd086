package vlfer.model.encoder;

import java.io.Serializable;

/** What the data pipeline and the heads need to know about a visual encoder. */
public record EncoderMetadata(String name, int inputHeight, int inputWidth, int channels, float[] mean, float[] std,
                              int featureWidth) implements Serializable {
    public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    public EncoderMetadata {
        if (inputHeight < 8 || inputWidth < 8 || channels < 1 || featureWidth < 1) {
            throw new IllegalArgumentException("invalid encoder metadata for " + name);
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }
}
