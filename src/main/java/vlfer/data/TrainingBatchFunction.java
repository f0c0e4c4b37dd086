package vlfer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.data.image.DecodedBatch;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;

/**
 * Runs on the executors: shuffles a partition's samples and turns them, lazily, into augmented
 * minibatches. The randomness of partition p in epoch e depends on (seed, e, p) only.
 * Images that cannot be decoded are skipped, logged with their path and collected (for the
 * run's rejects file).
 */
public final class TrainingBatchFunction implements Function2<Integer, Iterator<FaceSample>, Iterator<MultiDataSet>> {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingBatchFunction.class);

    private final FaceImageDecoder decoder;
    private final FacePreprocessor preprocessor;
    private final Broadcast<TrainingLabels> labels;
    private final int batchSize;
    private final long seed;
    private final int epoch;
    private final CollectionAccumulator<RejectedRow> skipped;

    /** {@code labels}: broadcast once per training run (expclip's per-face targets can be tens of MB). */
    public TrainingBatchFunction(FaceImageDecoder decoder, FacePreprocessor preprocessor, Broadcast<TrainingLabels> labels,
                                 int batchSize,
                                 long seed, int epoch, CollectionAccumulator<RejectedRow> skipped) {
        this.decoder = decoder;
        this.preprocessor = preprocessor;
        this.labels = labels;
        this.batchSize = batchSize;
        this.seed = seed;
        this.epoch = epoch;
        this.skipped = skipped;
    }

    @Override
    public Iterator<MultiDataSet> call(Integer partition, Iterator<FaceSample> samples) {
        List<FaceSample> all = new ArrayList<>();
        samples.forEachRemaining(all::add);
        long partitionSeed = Seeds.derive(seed, epoch, partition);
        Collections.shuffle(all, new Random(partitionSeed));
        SplittableRandom rng = new SplittableRandom(Seeds.derive(partitionSeed, 1));
        return new Iterator<>() {
            private int next = 0;
            private MultiDataSet pending;

            @Override
            public boolean hasNext() {
                while (pending == null && next < all.size()) {
                    List<FaceSample> chunk = all.subList(next, Math.min(all.size(), next + batchSize));
                    next += chunk.size();
                    DecodedBatch batch = DecodedBatch.of(chunk, decoder, preprocessor, rng);
                    for (DecodedBatch.Failure f : batch.failures()) {
                        LOG.warn("skipping {} ({}): {}", f.sample().id(), f.reason(), f.detail());
                        skipped.add(new RejectedRow(f.sample().dataset(), f.sample().location(), 0, f.reason(), f.detail()));
                    }
                    if (batch.features() != null) {
                        pending = new org.nd4j.linalg.dataset.MultiDataSet(batch.features(), labels.value().of(batch.samples()));
                    }
                }
                return pending != null;
            }

            @Override
            public MultiDataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                MultiDataSet out = pending;
                pending = null;
                return out;
            }
        };
    }
}
