package vlfer.train;

import java.util.Locale;

/** Formats progress lines: "epoch 3/12 round 4/9 loss 0.4123 lr 0.01500 312 img/s elapsed 1m02s eta 3m10s". */
final class ProgressLine {
    private ProgressLine() {
    }

    static String round(int epoch, int epochs, int round, int rounds, double loss, double lr, double imagesPerSecond,
                        double elapsedSeconds, double etaSeconds) {
        return String.format(Locale.ROOT, "epoch %d/%d round %d/%d loss %.4f lr %.5f %.0f img/s elapsed %s eta %s",
                epoch + 1, epochs, round, rounds, loss, lr, imagesPerSecond, duration(elapsedSeconds), duration(etaSeconds));
    }

    static String epoch(EpochReport r, int workers, double elapsedSeconds, double etaSeconds) {
        return String.format(Locale.ROOT, "epoch %d/%d done: loss %.4f lr %.5f %d of %d faces in %d minibatches on %d worker%s"
                        + " in %.1fs (%.0f img/s)%s elapsed %s eta %s",
                r.epoch() + 1, r.epochs(), r.score(), r.learningRate(), r.images(), r.trained().planned(), r.minibatches(),
                workers, workers == 1 ? "" : "s", r.seconds(), r.imagesPerSecond(),
                r.skippedImages() > 0 ? ", " + r.skippedImages() + " unreadable images skipped" : "",
                duration(elapsedSeconds), duration(etaSeconds));
    }

    static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
