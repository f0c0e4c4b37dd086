package vlfer.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import vlfer.data.image.DecodedBatch;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;

/**
 * Turns a {@link PlannedBatch} into the minibatch a network fits: decode, augment, labels. A pure
 * function of (seed, epoch, batch index): a retried task rebuilds exactly the same minibatch.
 * Faces that cannot be decoded are left out and returned as rejects, never dropped silently.
 */
public final class TrainingBatches implements Serializable {
    private static final long AUGMENT = 0xA06L;

    private final FaceImageDecoder decoder;
    private final FacePreprocessor preprocessor;
    private final long seed;

    public TrainingBatches(FaceImageDecoder decoder, FacePreprocessor preprocessor, long seed) {
        this.decoder = decoder;
        this.preprocessor = preprocessor;
        this.seed = seed;
    }

    /**
     * A decoded minibatch: {@code data} is null when no face of it could be decoded;
     * {@code positions} are the epoch positions of the faces it holds, in row order.
     */
    public record Decoded(MultiDataSet data, int[] positions, List<RejectedRow> rejects) {
        public int faces() {
            return positions.length;
        }
    }

    public Decoded decode(PlannedBatch planned) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, planned.epoch(), planned.index(), AUGMENT));
        DecodedBatch batch = DecodedBatch.of(planned.samples(), decoder, preprocessor, rng);
        List<RejectedRow> rejects = new ArrayList<>();
        for (DecodedBatch.Failure f : batch.failures()) {
            rejects.add(new RejectedRow(f.sample().dataset(), f.sample().location(), 0, f.reason(), f.detail()));
        }
        // the decoded faces keep the planned order, minus the failures
        int[] positions = new int[batch.samples().size()];
        for (int i = 0, k = 0; k < positions.length; i++) {
            if (planned.samples().get(i) == batch.samples().get(k)) {
                positions[k++] = planned.firstPosition() + i;
            }
        }
        MultiDataSet data = batch.features() == null ? null
                : new org.nd4j.linalg.dataset.MultiDataSet(batch.features(), planned.labels().of(batch.samples()));
        return new Decoded(data, positions, rejects);
    }
}
