package vlfer.model;

import vlfer.config.CheckedConfig;

/**
 * cliper ({@code vlfer.method.cliper}): K descriptors per class, the score temperature, the noise
 * added to the encoded descriptor sentences they start from, stage 1 (descriptors only: its epochs
 * and rate), and where the descriptors live: the text-embedding space, or prompt tokens (M per
 * descriptor, initialised N(0, std^2)) passed through CLIP's text transformer.
 */
public record CliperSettings(int descriptors, double temperature, double initNoise, int descriptorEpochs,
                             double descriptorLearningRate, DescriptorSpace space, int promptTokens, double tokenInitStd) {
    /** {@code vlfer.method.cliper.descriptor-space}. */
    public enum DescriptorSpace { EMBEDDINGS, TOKENS }

    public static CliperSettings read(CheckedConfig c) {
        return new CliperSettings(
                c.intAtLeast("descriptors", 2),
                c.doubleIn("temperature", 1e-4, 10),
                c.doubleIn("init-noise", 0, 10),
                c.intAtLeast("descriptor-epochs", 0),
                c.doubleIn("descriptor-learning-rate", 0, 10),
                c.enumValue("descriptor-space", DescriptorSpace.class),
                c.intAtLeast("prompt-tokens", 1),
                c.doubleIn("token-init-std", 0, 10));
    }
}
