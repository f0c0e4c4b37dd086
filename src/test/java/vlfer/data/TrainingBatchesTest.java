package vlfer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.VlferSettings;
import vlfer.data.image.FaceImageDecoder;
import vlfer.data.image.FacePreprocessor;
import vlfer.data.image.InputSpec;
import vlfer.data.rafdb.RafDbReader;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;

/** A minibatch is a pure function of (seed, epoch, batch index), augmentation included: a retried task rebuilds it exactly. */
class TrainingBatchesTest {
    @TempDir
    Path work;

    @SuppressWarnings("unchecked")
    private static <T> T javaCopy(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aRetriedMinibatchIsTheSameMinibatch() throws Exception {
        VlferSettings s = TestRuns.settings(work, "vlfer.synth.train-per-class=3", "vlfer.synth.test-per-class=1").settings();
        TestData.synthesize(s);
        DatasetSplit split = new RafDbReader().read(s.data().trainDataset(), "train", new DataFiles(new Configuration()));
        TrainingBatches batches = new TrainingBatches(new FaceImageDecoder(new HadoopConfSnapshot(new Configuration())),
                new FacePreprocessor(new InputSpec(32, 32, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}),
                        s.augment()), s.seed());
        EpochPlan plan = EpochPlan.shuffle(split.samples(), s.seed(), 2, 8);
        PlannedBatch planned = plan.batch(1, TrainingLabels.oneHot(7));

        TrainingBatches.Decoded first = batches.decode(planned);
        TrainingBatches.Decoded retried = javaCopy(batches).decode(javaCopy(planned));
        assertEquals(first.data().getFeatures(0), retried.data().getFeatures(0), "same pixels, same augmentation");
        assertEquals(first.data().getLabels(0), retried.data().getLabels(0));
        assertArrayEquals(new int[] {8, 9, 10, 11, 12, 13, 14, 15}, first.positions());

        PlannedBatch nextEpoch = EpochPlan.shuffle(split.samples(), s.seed(), 3, 8).batch(1, TrainingLabels.oneHot(7));
        assertNotEquals(first.data().getFeatures(0), batches.decode(nextEpoch).data().getFeatures(0));
    }
}
