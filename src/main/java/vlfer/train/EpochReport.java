package vlfer.train;

import java.util.List;
import java.util.Map;
import vlfer.data.RejectedRow;

/**
 * The driver's view of one finished epoch: what it fitted (faces, minibatches, optimiser steps per
 * worker), its mean minibatch loss, the scheduled learning rate and each stage's rate, its averaging
 * rounds, and the images that could not be decoded ({@code skipped}).
 */
public record EpochReport(int epoch, int epochs, double score, double learningRate, Map<String, Double> stageRates,
                          TrainedFaces trained, long minibatches, long steps, List<RoundStats> rounds,
                          List<RejectedRow> skipped, double seconds) {
    public EpochReport {
        stageRates = Map.copyOf(stageRates);
        rounds = List.copyOf(rounds);
        skipped = List.copyOf(skipped);
    }

    /** Faces fitted this epoch (planned faces less the undecodable ones). */
    public long images() {
        return trained.count();
    }

    public long skippedImages() {
        return skipped.size();
    }

    public double imagesPerSecond() {
        return seconds <= 0 ? 0 : images() / seconds;
    }
}
