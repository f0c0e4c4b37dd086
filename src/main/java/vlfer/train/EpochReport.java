package vlfer.train;

import java.util.List;
import vlfer.data.RejectedRow;

/** The driver's view of one finished epoch; {@code skipped} are the images that could not be decoded. */
public record EpochReport(int epoch, int epochs, double score, double learningRate, long images, List<RejectedRow> skipped,
                          double seconds, String checkpoint) {
    public long skippedImages() {
        return skipped.size();
    }

    public double imagesPerSecond() {
        return seconds <= 0 ? 0 : images / seconds;
    }
}
