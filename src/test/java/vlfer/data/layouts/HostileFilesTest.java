package vlfer.data.layouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.DatasetSettings;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;
import vlfer.data.rafdb.RafDbReader;

/**
 * Copies that point outside their root or hold what is not a file: symbolic links that leave the
 * root (to an image, a folder, the label list), a FIFO where an image should be, and rows that
 * name no split. Each is a counted reject with its own reason, or an error naming the file; none
 * is opened, and no line is counted twice over the splits.
 */
class HostileFilesTest {
    @TempDir
    Path dir;

    private static List<String> imageNames(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void linksLeavingTheRootAreRefusedUnlessAllowed() throws IOException {
        Path root = SynthLayoutFixture.write(dir, "rafdb");
        Path images = root.resolve(RafDbReader.IMAGE_DIR);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        List<String> names = imageNames(images);
        // one image replaced by a link to a copy outside the root, one by a link inside the root
        String outside = names.stream().filter(n -> n.startsWith("train_")).findFirst().orElseThrow();
        Files.move(images.resolve(outside), elsewhere.resolve(outside));
        Files.createSymbolicLink(images.resolve(outside), elsewhere.resolve(outside));
        String inside = names.stream().filter(n -> n.startsWith("train_")).skip(1).findFirst().orElseThrow();
        Files.move(images.resolve(inside), root.resolve(inside));
        Files.createSymbolicLink(images.resolve(inside), root.resolve(inside));

        DatasetSettings ds = SynthLayoutFixture.dataset("rafdb", root);
        DatasetSplit train = SynthLayoutFixture.read(ds, "train");
        assertEquals(Map.of("outside-root", 1L), train.rejectsByReason());
        assertTrue(train.samples().stream().map(FaceSample::location).noneMatch(l -> l.endsWith(outside)));
        assertTrue(train.samples().stream().map(FaceSample::location).anyMatch(l -> l.endsWith(inside)), "a link inside the root is kept");

        DatasetSettings farm = new DatasetSettings(ds.name(), ds.format(), ds.root(), ds.trainSplit(), ds.validationSplit(), ds.evalSplits(), ds.classes(),
                ds.labelMap(), ds.inlineLabelMap(), ds.fold(), ds.segments(), ds.options(), ds.origin(), true);
        assertEquals(Map.of(), SynthLayoutFixture.read(farm, "train").rejectsByReason(), "follow-links-outside-root = true");
    }

    @Test
    void aLinkedFolderOutsideTheRootRejectsEveryFaceInIt() throws IOException {
        Path root = SynthLayoutFixture.write(dir, "sfew");
        Path happy = root.resolve("Val/Happy");
        int faces = imageNames(happy).size();
        Path moved = Files.move(happy, dir.resolve("Happy-elsewhere"));
        Files.createSymbolicLink(happy, moved);
        DatasetSplit val = SynthLayoutFixture.read(SynthLayoutFixture.dataset("sfew", root), "val");
        assertEquals(Map.of("outside-root", 1L), val.rejectsByReason(), "the folder is refused as one entry");
        assertEquals(0L, val.countsByClass().get("happiness"));
        assertTrue(faces > 0);
    }

    @Test
    void aFifoWhereAnImageShouldBeIsRefusedNotOpened() throws Exception {
        Path root = SynthLayoutFixture.write(dir, "rafdb");
        Path images = root.resolve(RafDbReader.IMAGE_DIR);
        String name = imageNames(images).stream().filter(n -> n.startsWith("test_")).findFirst().orElseThrow();
        Files.delete(images.resolve(name));
        Process mkfifo = new ProcessBuilder("mkfifo", images.resolve(name).toString()).start();
        assertEquals(0, mkfifo.waitFor());
        DatasetSplit test = SynthLayoutFixture.read(SynthLayoutFixture.dataset("rafdb", root), "test");
        assertEquals(Map.of("not-a-regular-file", 1L), test.rejectsByReason());
    }

    @Test
    void aLabelListLinkedFromOutsideTheRootIsAnErrorNamingIt() throws IOException {
        Path root = SynthLayoutFixture.write(dir, "rafdb");
        Path list = root.resolve(RafDbReader.LABEL_FILE);
        Path copy = Files.copy(list, dir.resolve("other-labels.txt"));
        Files.delete(list);
        Files.createSymbolicLink(list, copy);
        String msg = assertThrows(IllegalArgumentException.class,
                () -> SynthLayoutFixture.read(SynthLayoutFixture.dataset("rafdb", root), "train")).getMessage();
        assertTrue(msg.contains("list_patition_label.txt") && msg.contains("outside-root")
                && msg.contains("follow-links-outside-root"), msg);
    }

    @Test
    void rafdbRowsOfNoSplitAreCountedOnceAcrossSplits() throws IOException {
        Path root = SynthLayoutFixture.write(dir, "rafdb");
        Path list = root.resolve(RafDbReader.LABEL_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(list, StandardCharsets.UTF_8));
        int rows = lines.size();
        lines.add(3, "trian_09999.jpg 3");      // mistyped split prefix
        lines.add(7, "garbage");                // malformed, names no split
        lines.add(9, "test_00001.jpg");         // malformed, but a test row
        Files.write(list, lines, StandardCharsets.UTF_8);
        DatasetSettings ds = SynthLayoutFixture.dataset("rafdb", root);
        DatasetSplit train = SynthLayoutFixture.read(ds, "train");
        DatasetSplit test = SynthLayoutFixture.read(ds, "test");
        assertEquals(Map.of("unknown-split", 1L, "malformed-row", 1L), train.rejectsByReason());
        assertEquals(Map.of("malformed-row", 1L), test.rejectsByReason());
        long accounted = train.samples().size() + train.rejectCount() + train.excludedCount()
                + test.samples().size() + test.rejectCount() + test.excludedCount();
        assertEquals(rows + 3, accounted, "every line of the list is one sample, reject or exclusion");
        assertEquals(Map.of(list.toUri().toString().replace("file:///", "file:/"), (long) rows + 3), train.listFileRows());
    }
}
