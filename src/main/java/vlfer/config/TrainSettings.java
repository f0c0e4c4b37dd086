package vlfer.config;

import java.io.Serializable;

/** Optimiser, schedule and parameter-averaging settings. */
public record TrainSettings(int epochs, int batchSizePerWorker, int averagingFrequency,
                            int workers, double learningRate, double momentum, double weightDecay,
                            int warmupEpochs, double warmupLearningRate, double minLearningRate, Optimizer optimizer,
                            double beta1, double beta2, double epsilon, int restartEpochs) implements Serializable {
    /** {@code vlfer.train.optimizer}. */
    public enum Optimizer { SGD, ADAM, ADAMW }
}
