package vlfer.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.RejectedRow;
import vlfer.data.image.DecodedBatch;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FaceVerifier;

/**
 * The verification pass before the first epoch. Every training image (every frame of a clip) is
 * decoded once, on the executors. Those that fail leave the training set and join its rejects, so
 * the reject budget stops a bad dataset before any training, not an epoch into it.
 */
final class TrainingImagesCheck {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingImagesCheck.class);

    private TrainingImagesCheck() {
    }

    /** {@code train} without the faces that do not decode (each now a reject with its reason). */
    static DatasetSplit run(JavaSparkContext sc, DatasetSplit train, long maxPixels) {
        long start = System.nanoTime();
        FaceVerifier verifier = new FaceVerifier(new FaceImageDecoder(new HadoopConfSnapshot(sc.hadoopConfiguration()), maxPixels));
        List<FaceSample> samples = train.samples();
        int slices = Math.max(1, Math.min(samples.size(), sc.defaultParallelism() * 4));
        List<DecodedBatch.Failure> failures = sc.parallelize(samples, slices).map(verifier::check).filter(Objects::nonNull).collect();
        LOG.info("verified the {} training {} of {}/{} in {}s: {} could not be decoded", samples.size(),
                train.video() ? "clips (every frame)" : "images", train.dataset(), train.split(),
                String.format("%.1f", (System.nanoTime() - start) / 1e9), failures.size());
        if (failures.isEmpty()) {
            return train;
        }
        java.util.Map<String, FaceSample> byKey = new java.util.HashMap<>();
        samples.forEach(x -> byKey.put(key(x), x)); // failures come back as copies: match them by id and location
        List<FaceSample> failed = new ArrayList<>();
        List<RejectedRow> rows = new ArrayList<>();
        for (DecodedBatch.Failure f : failures) {
            failed.add(byKey.get(key(f.sample())));
            rows.add(new RejectedRow(train.dataset(), f.sample().location(), 0, f.reason(), f.detail()));
        }
        return train.withRejected(failed, rows);
    }

    private static String key(FaceSample s) {
        return s.id() + "\u0000" + s.location();
    }
}
