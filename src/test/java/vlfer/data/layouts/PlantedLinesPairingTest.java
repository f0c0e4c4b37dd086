package vlfer.data.layouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vlfer.config.DatasetSettings;
import vlfer.data.DatasetFormats;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;
import vlfer.data.ferplus.FerPlusReader;
import vlfer.data.source.FaceSource;
import vlfer.data.source.FrameFolder;
import vlfer.data.source.ImageFile;
import vlfer.data.source.InlinePixels;

/**
 * Blank, short, extra and malformed lines planted at the start, middle and end of every list and
 * CSV file of a layout shift nothing: every face read from the damaged copy has the label and the
 * image (file, crop or pixels) it had in the clean copy, and no face is lost.
 */
class PlantedLinesPairingTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rafdb", "ferplus", "affectnet-csv", "dfew", "ferv39k", "mafw"})
    void plantedLinesShiftNothing(String format) throws IOException {
        Path root = SynthLayoutFixture.write(dir, format);
        DatasetSettings ds = SynthLayoutFixture.dataset(format, root);
        Map<String, String> clean = faces(ds);
        List<Path> indexFiles = indexFiles(root);
        assertFalse(indexFiles.isEmpty(), format + " has list files");
        for (Path f : indexFiles) {
            // fer2013.csv is paired by data row: only blank lines may be added to it (see the next test)
            plant(f, f.getFileName().toString().equals(FerPlusReader.PIXELS));
        }
        Map<String, String> damaged = faces(ds);
        assertEquals(clean.size(), damaged.size(), format + ": faces kept after planting lines in " + indexFiles);
        for (Map.Entry<String, String> e : damaged.entrySet()) {
            assertEquals(clean.get(e.getKey()), e.getValue(), format + " " + e.getKey() + " keeps its own label and image");
        }
    }

    @Test
    void aDamagedPixelRowKeepsItsPlaceAndAnAddedOneStopsTheRead() throws IOException {
        Path root = SynthLayoutFixture.write(dir, "ferplus");
        DatasetSettings ds = SynthLayoutFixture.dataset("ferplus", root);
        Map<String, String> clean = faces(ds);
        Path pixels = root.resolve(FerPlusReader.PIXELS);
        List<String> lines = new ArrayList<>(Files.readAllLines(pixels, StandardCharsets.UTF_8));
        String cut = lines.get(3).substring(0, lines.get(3).length() / 2);
        lines.set(3, cut); // a row cut short in place, as by a damaged copy
        Files.write(pixels, lines, StandardCharsets.UTF_8);
        Map<String, String> damaged = faces(ds);
        assertEquals(clean.size() - 1, damaged.size(), "only the damaged row's face is lost");
        damaged.forEach((k, v) -> assertEquals(clean.get(k), v, k));

        lines.add(5, lines.get(5)); // a row added: which one is extra cannot be told
        Files.write(pixels, lines, StandardCharsets.UTF_8);
        String msg = assertThrows(IllegalArgumentException.class, () -> SynthLayoutFixture.read(ds, "train")).getMessage();
        assertTrue(msg.contains("data rows") && msg.contains(FerPlusReader.PIXELS), msg);
    }

    /** Every face of every split: split/id -> label and a fingerprint of its image. */
    private static Map<String, String> faces(DatasetSettings ds) {
        Map<String, String> out = new HashMap<>();
        for (String split : DatasetFormats.reader(ds.format()).splits()) {
            DatasetSplit s = SynthLayoutFixture.read(ds, split);
            for (FaceSample f : s.samples()) {
                out.put(split + "/" + f.id(), f.label() + " " + fingerprint(f.source()));
            }
        }
        return out;
    }

    private static String fingerprint(FaceSource source) {
        if (source instanceof InlinePixels p) {
            return "pixels " + Arrays.hashCode(p.grey());
        }
        if (source instanceof ImageFile i) {
            return i.path() + " " + i.crop();
        }
        FrameFolder clip = (FrameFolder) source;
        return clip.dir() + " " + clip.frames();
    }

    /** The layout's list and CSV files (not the generator's own stamp and action tables). */
    private static List<Path> indexFiles(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".txt"))
                    .sorted().toList();
        }
    }

    /** Inserts a blank, a short, an extra and a malformed line after the first line, in the middle and at the end. */
    private static void plant(Path file, boolean blankOnly) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        String sample = lines.get(lines.size() / 2);
        List<String> junk = blankOnly ? List.of("", "   ")
                : List.of("", sample.substring(0, Math.max(1, sample.length() / 3)), "extra,line,of,no,dataset", "\"open quote,1");
        for (int at : new int[] {lines.size(), lines.size() / 2, 1}) {
            lines.addAll(at, junk);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
