package vlfer.train;

import java.util.List;
import vlfer.data.FaceSample;
import vlfer.data.TrainingBatches;
import vlfer.data.TrainingLabels;

/** What a trainer fits: the training faces (references only), their labels, and how a minibatch is made. */
public record TrainingData(List<FaceSample> samples, TrainingLabels labels, TrainingBatches batches) {
    public TrainingData {
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no training faces");
        }
    }
}
