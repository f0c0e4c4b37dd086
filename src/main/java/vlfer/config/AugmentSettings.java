package vlfer.config;

import java.io.Serializable;

/**
 * Training-time augmentation, applied on the executors, drawn once per sample (every frame of a
 * clip gets the same crop, flip and colour change). The recipes the methods use are named blocks
 * of reference.conf ({@code vlfer.augment-recipes}).
 */
public record AugmentSettings(int cropPadding, double cropProbability, double flipProbability,
                              double erasingProbability, double erasingMinArea, double erasingMaxArea,
                              double resizedCropProbability, double resizedCropMinScale, double resizedCropMaxScale,
                              double jitterProbability, double brightness, double contrast, double saturation)
        implements Serializable {

    /** No augmentation: what evaluation uses. */
    public static final AugmentSettings NONE = new AugmentSettings(0, 0, 0, 0, 0, 0);

    /** Crop with padding, flip and random erasing only (the ke2nt recipe's operations). */
    public AugmentSettings(int cropPadding, double cropProbability, double flipProbability, double erasingProbability,
                           double erasingMinArea, double erasingMaxArea) {
        this(cropPadding, cropProbability, flipProbability, erasingProbability, erasingMinArea, erasingMaxArea,
                0, 1, 1, 0, 0, 0, 0);
    }
}
