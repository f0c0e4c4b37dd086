package vlfer.config;

import java.io.Serializable;

/** Optimiser, schedule and parameter-averaging settings. */
public record TrainSettings(int epochs, int batchSizePerWorker, int averagingFrequency,
                            int workers, double learningRate, double momentum, double weightDecay,
                            int warmupEpochs, double warmupLearningRate, double minLearningRate) implements Serializable {
}
