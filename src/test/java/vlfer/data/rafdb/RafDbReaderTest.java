package vlfer.data.rafdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.DatasetSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetSplit;
import vlfer.data.Expression;
import vlfer.data.FaceSample;
import vlfer.data.LabelVocabulary;

class RafDbReaderTest {
    @TempDir
    Path root;

    private final DataFiles files = new DataFiles(new Configuration());

    private DatasetSplit read(String labelFileText, String split) throws IOException {
        Path label = root.resolve(RafDbReader.LABEL_FILE);
        Files.createDirectories(label.getParent());
        Files.write(label, labelFileText.getBytes(StandardCharsets.UTF_8));
        Path images = Files.createDirectories(root.resolve(RafDbReader.IMAGE_DIR));
        for (String stem : List.of("train_00001", "train_00002", "train_00003", "train_00004", "train_00005", "test_0001")) {
            Files.write(images.resolve(stem + "_aligned.jpg"), new byte[]{1});
        }
        DatasetSettings ds = DatasetSettings.of("raf", "rafdb", root.toString());
        return new RafDbReader().read(ds, split, files);
    }

    @Test
    void readsTheShippedFormatWithCrlfAndBom() throws IOException {
        DatasetSplit train = read("\uFEFFtrain_00001.jpg 5\r\ntrain_00002.jpg 7\r\ntest_0001.jpg 1\r\n", "train");
        assertEquals(2, train.samples().size());
        FaceSample first = train.samples().get(0);
        assertEquals("train_00001", first.id());
        // RAF-DB id 5 is sadness, 7 is neutral
        assertEquals(LabelVocabulary.BASIC_7.indexOf(Expression.SADNESS), first.label());
        assertEquals(LabelVocabulary.BASIC_7.indexOf(Expression.NEUTRAL), train.samples().get(1).label());
        assertTrue(first.location().startsWith("file:"), first.location());
        assertTrue(first.location().endsWith("/Image/aligned/train_00001_aligned.jpg"), first.location());
        assertEquals(0, train.rejectCount());

        DatasetSplit test = read("train_00001.jpg 5\ntest_0001.jpg 1\n", "test");
        assertEquals(List.of("test_0001"), test.samples().stream().map(FaceSample::id).toList());
        assertEquals(LabelVocabulary.BASIC_7.indexOf(Expression.SURPRISE), test.samples().get(0).label());
    }

    @Test
    void badRowsAreCountedByReasonWithTheirLine() throws IOException {
        DatasetSplit s = read(String.join("\r\n",
                "train_00001.jpg 5",
                "train_00002.jpg 9",
                "train_00003.jpg",
                "train_00001.jpg 5",
                "train_00004.jpg x",
                "",
                "train_00005.jpg 2",
                "train_00077.jpg 3") + "\r\n", "train");
        assertEquals(2, s.samples().size());
        assertEquals(Map.of("unknown-label", 2L, "malformed-row", 1L, "duplicate-row", 1L, "missing-image", 1L), s.rejectsByReason());
        assertEquals(2, s.rejects().get(0).line());
        assertTrue(s.rejects().get(0).source().endsWith(RafDbReader.LABEL_FILE));
    }

    @Test
    void missingRootOrLabelFileNamesThePath() throws IOException {
        DatasetSettings nowhere = DatasetSettings.of("raf", "rafdb", root.resolve("nope").toString());
        String msg = assertThrows(IllegalArgumentException.class, () -> new RafDbReader().read(nowhere, "train", files)).getMessage();
        assertTrue(msg.contains("nope") && msg.contains("vlfer.data.datasets.raf.root"), msg);

        DatasetSettings empty = DatasetSettings.of("raf", "rafdb", root.toString());
        String missing = assertThrows(java.io.UncheckedIOException.class, () -> new RafDbReader().read(empty, "train", files)).getMessage();
        assertTrue(missing.contains("list_patition_label.txt"), missing);
    }

    @Test
    void anUnknownReaderOptionIsRefusedNamingTheKey() {
        DatasetSettings ds = DatasetSettings.of("raf", "rafdb", root.toString());
        DatasetSettings typo = new DatasetSettings(ds.name(), ds.format(), ds.root(), ds.trainSplit(), ds.validationSplit(), ds.evalSplits(), ds.classes(),
                ds.labelMap(), ds.inlineLabelMap(), ds.fold(), ds.segments(), Map.of("aligned", "false"), ds.origin(), false);
        String msg = assertThrows(IllegalArgumentException.class, () -> new RafDbReader().read(typo, "train", files)).getMessage();
        assertTrue(msg.contains("unknown option 'aligned'") && msg.contains("vlfer.data.datasets.raf.options"), msg);
    }
}
