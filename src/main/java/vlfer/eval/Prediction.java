package vlfer.eval;

import java.io.Serializable;

/** A model's answer for one sample; {@code failure} is set (and the rest unused) when its image could not be read. */
public record Prediction(String sampleId, String imagePath, int label, int predicted, float[] scores, String failure,
                         String failureDetail) implements Serializable {
    public static Prediction failed(String id, String path, int label, String reason, String detail) {
        return new Prediction(id, path, label, -1, new float[0], reason, detail);
    }

    public boolean ok() {
        return failure == null;
    }
}
