package vlfer.report;

/**
 * One run's result on one evaluated split, as {@code vlfer runs} lists it: what was trained, the
 * headline metrics, the protocol and epoch, and from the training history the faces trained over
 * all epochs and the training time (0 when the run has no history).
 */
public record RunLine(String runId, String method, String encoder, String dataset, String split, double war, double uar,
                      double macroF1, String protocol, int epoch, long facesTrained, double trainingSeconds) {
}
