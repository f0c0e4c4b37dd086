package vlfer.data.layouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vlfer.config.DatasetSettings;
import vlfer.data.DatasetReader;
import vlfer.data.DatasetFormats;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;
import vlfer.data.ReaderSupport;
import vlfer.data.synth.SynthCanvas;
import vlfer.data.source.FrameFolder;

/** Every synthetic layout is read back by the real reader of its format, with the counts that were written. */
class SynthLayoutsReadBackTest {
    @TempDir
    static Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rafdb, train, test",
            "ferplus, train, val test",
            "affectnet-csv, train, validation",
            "affectnet-npy, train, val",
            "sfew, train, val",
            "caer-s, train, test"})
    void stillImageLayoutsReadBackWithBalancedCounts(String format, String trainSplit, String evalSplits) {
        DatasetSettings ds = SynthLayoutFixture.dataset(format, SynthLayoutFixture.write(dir, format));
        DatasetReader reader = DatasetFormats.reader(format);
        int classes = ReaderSupport.classes(reader, ds).size();
        DatasetSplit train = SynthLayoutFixture.read(ds, trainSplit);
        assertClean(train);
        assertEquals((long) SynthLayoutFixture.TRAIN_PER_CLASS * classes, train.samples().size(), format + " train");
        if (train.labelled()) {
            train.countsByClass().forEach((c, n) -> assertEquals(SynthLayoutFixture.TRAIN_PER_CLASS, n, format + " " + c));
        }
        for (String split : evalSplits.split(" ")) {
            DatasetSplit eval = SynthLayoutFixture.read(ds, split);
            assertClean(eval);
            assertEquals((long) SynthLayoutFixture.TEST_PER_CLASS * classes, eval.samples().size(), format + " " + split);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"dfew, 7", "ferv39k, 7", "mafw, 11"})
    void videoLayoutsReadBackAsOrderedClips(String format, int classes) {
        DatasetSettings ds = SynthLayoutFixture.dataset(format, SynthLayoutFixture.write(dir, format));
        DatasetSplit train = SynthLayoutFixture.read(ds, "train");
        DatasetSplit test = SynthLayoutFixture.read(ds, "test");
        assertClean(train);
        assertClean(test);
        int perClass = SynthLayoutFixture.TRAIN_PER_CLASS + SynthLayoutFixture.TEST_PER_CLASS;
        assertEquals((long) perClass * classes, train.samples().size() + test.samples().size(), format);
        if (!format.equals("ferv39k")) {
            // five folds over one pool: fold 1 tests every fifth clip
            assertEquals(perClass * classes / 5, test.samples().size(), format + " fold-1 test clips");
        }
        Map<String, Long> train1 = train.countsByClass();
        assertEquals(classes, train1.size());
        for (FaceSample s : train.samples()) {
            FrameFolder clip = (FrameFolder) s.source();
            assertTrue(clip.frames().size() >= SynthCanvas.MIN_FRAMES && clip.frames().size() <= SynthCanvas.MAX_FRAMES);
            List<String> frames = clip.frames();
            for (int i = 1; i < frames.size(); i++) {
                assertTrue(number(frames.get(i - 1)) < number(frames.get(i)), "frames in temporal order: " + frames);
            }
        }
    }

    private static int number(String frame) {
        return Integer.parseInt(frame.replaceAll("\\D", ""));
    }

    private static void assertClean(DatasetSplit split) {
        assertEquals(0, split.rejectCount(), split.summary() + " " + split.rejects());
        assertEquals(0, split.excludedCount(), split.summary());
    }
}
