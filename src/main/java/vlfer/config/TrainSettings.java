package vlfer.config;

import java.io.Serializable;

/** Optimiser, schedule and parameter-averaging settings. */
public record TrainSettings(int epochs, int batchSizePerWorker, int averagingFrequency, int prefetchBatches,
                            int workers, double learningRate, double momentum, double weightDecay,
                            int warmupEpochs, double warmupLearningRate, double minLearningRate,
                            RddApproach rddApproach) implements Serializable {

    /** How DL4J feeds the RDD to the workers. */
    public enum RddApproach { DIRECT, EXPORT }
}
