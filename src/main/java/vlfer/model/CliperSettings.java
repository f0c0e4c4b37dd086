package vlfer.model;

import vlfer.config.CheckedConfig;

/**
 * cliper ({@code vlfer.method.cliper}): K descriptors per class, the score temperature, the noise
 * added to the encoded descriptor sentences they start from, and stage 1 (descriptors only: its
 * epochs and rate).
 */
public record CliperSettings(int descriptors, double temperature, double initNoise, int descriptorEpochs,
                             double descriptorLearningRate) {
    public static CliperSettings read(CheckedConfig c) {
        return new CliperSettings(
                c.intAtLeast("descriptors", 2),
                c.doubleIn("temperature", 1e-4, 10),
                c.doubleIn("init-noise", 0, 10),
                c.intAtLeast("descriptor-epochs", 0),
                c.doubleIn("descriptor-learning-rate", 0, 10));
    }
}
