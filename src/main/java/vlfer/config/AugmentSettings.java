package vlfer.config;

import java.io.Serializable;

/** Training-time augmentation, applied on the executors. */
public record AugmentSettings(int cropPadding, double cropProbability, double flipProbability,
                              double erasingProbability, double erasingMinArea, double erasingMaxArea)
        implements Serializable {

    /** No augmentation: what evaluation uses. */
    public static final AugmentSettings NONE = new AugmentSettings(0, 0, 0, 0, 0, 0);
}
