package vlfer.train;

import vlfer.config.TrainSettings;

/**
 * Per-epoch learning rate: linear warm-up from the warm-up rate to the base rate, then cosine
 * decay to the minimum at the last epoch, or cosine warm restarts every {@code restartEpochs}
 * (PyTorch's CosineAnnealingWarmRestarts with T_mult = 1, stepped per epoch). The trainer sets it on the network before each epoch
 * ({@link LearningRates}).
 */
public final class LearningRateSchedule {
    private final TrainSettings t;

    public LearningRateSchedule(TrainSettings t) {
        this.t = t;
    }

    /** The learning rate of 0-based {@code epoch}. */
    public double at(int epoch) {
        int warm = t.warmupEpochs();
        if (epoch < warm) {
            // The first warm-up epoch runs at the warm-up rate, the last one just below the base rate.
            return t.warmupLearningRate() + (t.learningRate() - t.warmupLearningRate()) * epoch / warm;
        }
        if (t.restartEpochs() > 0) {
            int sinceRestart = (epoch - warm) % t.restartEpochs();
            return t.minLearningRate() + 0.5 * (t.learningRate() - t.minLearningRate())
                    * (1 + Math.cos(Math.PI * sinceRestart / t.restartEpochs()));
        }
        int decayEpochs = t.epochs() - warm;
        if (decayEpochs <= 1) {
            return t.learningRate();
        }
        double progress = (double) (epoch - warm) / (decayEpochs - 1);
        return t.minLearningRate() + 0.5 * (t.learningRate() - t.minLearningRate()) * (1 + Math.cos(Math.PI * progress));
    }
}
