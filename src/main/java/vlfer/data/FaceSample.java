package vlfer.data;

import java.io.Serializable;
import vlfer.data.source.FaceSource;

/**
 * One face (or clip) as a reader found it: its id, its class index in the dataset's
 * {@link LabelVocabulary} ({@link #UNLABELLED} for unlabelled sets) and where its pixels are.
 */
public record FaceSample(String dataset, String split, String id, int label, FaceSource source) implements Serializable {
    public static final int UNLABELLED = -1;

    public String location() {
        return source.location();
    }

    public boolean labelled() {
        return label != UNLABELLED;
    }
}
