package vlfer.model;

import vlfer.data.DatasetSplit;
import vlfer.data.TrainingLabels;

/**
 * What a method trains on: the faces it keeps ({@code train}, with any faces it could not use
 * added to the split's rejects), their labels, and the width of a label row. {@code news} says why
 * faces were rejected here, or is null when none were.
 */
public record Supervision(DatasetSplit train, TrainingLabels labels, int labelWidth, String news) {
    /** Each face's class of the split's vocabulary, one-hot. */
    public static Supervision classes(DatasetSplit split) {
        int classes = split.vocabulary().size();
        return new Supervision(split, TrainingLabels.oneHot(classes), classes, null);
    }
}
