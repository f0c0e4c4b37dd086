package vlfer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vlfer.config.TrainSettings;

/** The per-epoch rate: warm-up, then one cosine decay or cosine warm restarts (PyTorch's, T_mult = 1). */
class LearningRateScheduleTest {
    private static TrainSettings settings(int epochs, int warmup, int restart) {
        return new TrainSettings(epochs, 32, 5, 0, 0.1, 0.9, 0, warmup, 0.01, 0.001, TrainSettings.Optimizer.SGD, 0.9, 0.999,
                1e-8, restart);
    }

    @Test
    void warmUpThenOneCosineDecayToTheMinimum() {
        LearningRateSchedule s = new LearningRateSchedule(settings(6, 1, 0));
        assertEquals(0.01, s.at(0), 1e-15);
        assertEquals(0.1, s.at(1), 1e-15);
        assertEquals(0.001, s.at(5), 1e-15);
    }

    @Test
    void warmRestartsFollowPyTorchsCosineAnnealingWarmRestarts() {
        LearningRateSchedule s = new LearningRateSchedule(settings(25, 1, 10));
        // torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(T_0=10, eta_min=0.001), stepped per epoch after warm-up
        for (int e = 1; e < 25; e++) {
            int tCur = (e - 1) % 10;
            double expected = 0.001 + (0.1 - 0.001) * (1 + Math.cos(Math.PI * tCur / 10)) / 2;
            assertEquals(expected, s.at(e), 1e-15, "epoch " + e);
        }
        assertEquals(0.1, s.at(11), 1e-15, "restart");
        assertEquals(0.01, s.at(0), 1e-15, "warm-up first");
    }
}
