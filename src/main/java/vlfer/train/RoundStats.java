package vlfer.train;

/**
 * One averaging round as the training history records it: 0-based round, faces and minibatches
 * fitted, the mean minibatch loss, and the seconds from the epoch's start to the round's end.
 */
public record RoundStats(int round, long faces, long minibatches, double loss, double secondsIntoEpoch) {
}
