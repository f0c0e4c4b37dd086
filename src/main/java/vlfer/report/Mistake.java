package vlfer.report;

/** A wrongly classified sample and the score the model gave its (wrong) prediction. */
public record Mistake(String dataset, String split, String sampleId, String label, String predicted, double confidence) {
}
