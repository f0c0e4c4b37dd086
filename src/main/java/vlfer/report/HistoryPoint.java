package vlfer.report;

import java.util.Map;

/**
 * One row of the training history ({@code kind} round or epoch; {@code round} is -1 on epoch rows;
 * the selection scores are NaN when the protocol does not score epochs).
 */
public record HistoryPoint(String dataset, String split, String kind, int epoch, int round, int rounds, double loss,
                           double learningRate, Map<String, Double> stageRates, long faces, long skipped,
                           double imagesPerSecond, double seconds, double elapsedSeconds, double selectionWar,
                           double selectionUar) {
    public HistoryPoint {
        stageRates = Map.copyOf(stageRates);
    }

    public boolean isEpoch() {
        return kind.equals("epoch");
    }

    /** The point's place on an epoch axis: the end of round r of epoch e is e + (r+1)/rounds. */
    public double progress() {
        return isEpoch() ? epoch + 1 : epoch + (round + 1) / (double) rounds;
    }
}
