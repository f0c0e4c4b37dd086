package vlfer.train;

/** Running totals over a run's epoch reports (the reports themselves hold each epoch's plan and are let go). */
public final class EpochTotals {
    private int epochs;
    private long images;
    private double seconds;
    private double lastScore = Double.NaN;

    public void add(EpochReport r) {
        epochs++;
        images += r.images();
        seconds += r.seconds();
        lastScore = r.score();
    }

    public int epochs() {
        return epochs;
    }

    public double imagesPerSecond() {
        return seconds > 0 ? images / seconds : 0;
    }

    /** The last epoch's mean minibatch loss (NaN before any epoch). */
    public double lastScore() {
        return lastScore;
    }
}
