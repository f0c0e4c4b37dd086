package vlfer.config;

import java.io.Serializable;

/**
 * cliper: K descriptors per class, the score temperature, the noise added to the encoded
 * descriptor sentences they start from, and stage 1 (descriptors only: its epochs and rate).
 */
public record CliperSettings(int descriptors, double temperature, double initNoise, int descriptorEpochs,
                             double descriptorLearningRate) implements Serializable {
}
