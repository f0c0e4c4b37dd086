package vlfer.train;

/** The driver's view of one finished epoch. */
public record EpochReport(int epoch, int epochs, double score, double learningRate, long images, long skippedImages,
                          double seconds, String checkpoint) {
    public double imagesPerSecond() {
        return seconds <= 0 ? 0 : images / seconds;
    }
}
