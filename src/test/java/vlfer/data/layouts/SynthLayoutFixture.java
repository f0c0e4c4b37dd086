package vlfer.data.layouts;

import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import vlfer.config.DatasetSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetFormats;
import vlfer.data.DatasetSplit;
import vlfer.data.LabelVocabulary;
import vlfer.data.synth.SynthSettings;
import vlfer.data.synth.SyntheticFaceGenerator;

/** Small synthetic datasets in each real layout, and the dataset settings that read them. */
public final class SynthLayoutFixture {
    public static final int TRAIN_PER_CLASS = 3;
    public static final int TEST_PER_CLASS = 2;

    private SynthLayoutFixture() {
    }

    public static SynthSettings settings(double labelNoise) {
        return new SynthSettings(7, TRAIN_PER_CLASS, TEST_PER_CLASS, 48, labelNoise, 0.6, 1.0, 8, 0.1, 0.3, 0.1, 3, 0.1,
                LabelVocabulary.BASIC_7);
    }

    /** Writes {@code format}'s layout under {@code dir/format} (label noise 0: written = drawn). */
    public static Path write(Path dir, String format) {
        Path root = dir.resolve(format);
        new SyntheticFaceGenerator(settings(0)).write(root, format);
        return root;
    }

    /** Settings reading {@code root} as {@code format}, fold 1 for the k-fold sets. */
    public static DatasetSettings dataset(String format, Path root) {
        DatasetSettings ds = DatasetSettings.of(format, format, root.toString());
        return format.equals("dfew") || format.equals("mafw") ? ds.withFold(1) : ds;
    }

    public static DatasetSplit read(DatasetSettings ds, String split) {
        return DatasetFormats.reader(ds.format()).read(ds, split, new DataFiles(new Configuration()));
    }

    public static Map<String, Long> counts(DatasetSettings ds, String split) {
        return read(ds, split).countsByClass();
    }
}
