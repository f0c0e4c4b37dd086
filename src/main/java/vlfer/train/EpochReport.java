package vlfer.train;

import java.util.List;
import vlfer.data.RejectedRow;

/**
 * The driver's view of one finished epoch: what it fitted (faces, minibatches, optimiser steps per
 * worker), its mean minibatch loss, and the images that could not be decoded ({@code skipped}).
 */
public record EpochReport(int epoch, int epochs, double score, double learningRate, TrainedFaces trained, long minibatches,
                          long steps, List<RejectedRow> skipped, double seconds) {
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
