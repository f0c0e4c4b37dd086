package vlfer.data.layouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import vlfer.data.RejectedRow;
import vlfer.data.affectnet.AffectNetCsvReader;
import vlfer.data.ferplus.FerPlusReader;
import vlfer.data.video.DfewReader;
import vlfer.data.video.Ferv39kReader;
import vlfer.data.video.MafwReader;

/**
 * Real-layout files written by the synthetic generator, then damaged as real releases are: each
 * kind of bad row is planted and the exact reject (bad data) and exclusion (protocol) counts are
 * asserted, with the file and line of a rejected row.
 */
class PlantedBadRowsTest {
    @TempDir
    Path dir;

    private static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static void write(Path file, List<String> lines, String eol, boolean bom) throws IOException {
        String text = (bom ? "\uFEFF" : "") + String.join(eol, lines) + eol;
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void ferplusRowsWithEmptyNamesBadPixelsMismatchesAndNoMajority() throws IOException {
        Path root = SynthLayoutFixture.write(dir, "ferplus");
        Path labels = root.resolve(FerPlusReader.LABELS);
        Path pixels = root.resolve(FerPlusReader.PIXELS);
        List<String> l = lines(labels);
        List<String> p = lines(pixels);
        // rows 1..24 are Training (3 x 8 classes); plant in the first six, all Training rows
        l.set(1, "Training,,0,10,0,0,0,0,0,0,0,0");                          // empty name: rejected
        l.set(2, l.get(2).replaceFirst(",\\d+,\\d+,\\d+,\\d+,\\d+,\\d+,\\d+,\\d+,\\d+,\\d+$", ",3,3,2,2,0,0,0,0,0,0")); // no majority
        l.set(3, l.get(3).replaceFirst(",\\d+,\\d+,\\d+,\\d+,\\d+,\\d+,\\d+,\\d+,\\d+,\\d+$", ",0,0,0,0,0,0,0,0,1,9")); // NF wins
        l.set(4, "Training,fer0000003.png,1,2,3");                           // wrong number of columns
        p.set(5, p.get(5).replaceFirst(",Training$", ",PublicTest"));        // Usage disagrees between the files
        p.set(6, p.get(6).replaceFirst(" \\d+,Training$", ",Training"));     // one pixel short
        l.add(l.get(7));                                                     // duplicate row (its face pairs by name)
        write(labels, l, "\r\n", true);
        write(pixels, p, "\n", false);

        DatasetSettings ds = SynthLayoutFixture.dataset("ferplus", root);
        DatasetSplit train = SynthLayoutFixture.read(ds, "train");
        assertEquals(Map.of("empty-name", 1L, "malformed-row", 1L, "usage-mismatch", 1L, "bad-pixels", 1L, "duplicate-row", 1L),
                train.rejectsByReason());
        assertEquals(Map.of("no-majority", 1L, "not-a-face", 1L), train.excludedByReason());
        assertEquals(24 + 1 - 7, train.samples().size());
        RejectedRow empty = train.rejects().get(0);
        assertEquals(2, empty.line());
        assertTrue(empty.source().endsWith("fer2013new.csv"), empty.source());

        // Basic-7: contempt rows become protocol exclusions, never rejects.
        DatasetSplit basic7 = SynthLayoutFixture.read(ds.withClasses("basic-7"), "test");
        assertEquals(Map.of("class-not-in-subset:contempt", 2L), basic7.excludedByReason());
        assertEquals(14, basic7.samples().size());
        // The PNG folders give the same rows; a deleted PNG is a missing image.
        Files.delete(root.resolve("FER2013Test").resolve(lines(labels).stream()
                .filter(x -> x.startsWith("PrivateTest,")).findFirst().orElseThrow().split(",")[1]));
        DatasetSplit png = SynthLayoutFixture.read(ds.withOption("images", "png"), "test");
        assertEquals(Map.of("missing-image", 1L), png.rejectsByReason());
        assertEquals(15, png.samples().size());
    }

    @Test
    void affectnetCsvWithAndWithoutHeaderExcludesNonExpressionsAndRejectsBadRows() throws IOException {
        Path root = SynthLayoutFixture.write(dir, "affectnet-csv");
        Path validation = root.resolve(AffectNetCsvReader.LISTS).resolve("validation.csv");
        List<String> v = lines(validation);
        assertTrue(!v.get(0).startsWith("subDirectory_filePath"), "validation.csv is written without its header");
        String row = v.get(0);
        String[] cols = row.split(",");
        v.add(row.replace(cols[0], "9/none.jpg").replaceFirst(",\\d+,0.25,", ",8,0.25,"));    // "none": excluded
        v.add(row.replace(cols[0], "9/uncertain.jpg").replaceFirst(",\\d+,0.25,", ",9,0.25,")); // excluded
        v.add(row.replace(cols[0], "9/noface.jpg").replaceFirst(",\\d+,0.25,", ",10,0.25,"));   // excluded
        v.add(row.replace(cols[0], "9/odd.jpg").replaceFirst(",\\d+,0.25,", ",11,0.25,"));      // unknown id: rejected
        v.add(row.replace(cols[0], "9/missing.jpg"));                                          // no such image
        v.add(cols[0] + ",1,2,3");                                                             // 4 columns
        v.add(row);                                                                            // duplicate
        v.add(row.replace(cols[0], "9/box.jpg").replaceFirst("^([^,]+),(\\d+),(\\d+),(\\d+)", "$1,$2,$3,-5"));   // bad box
        write(validation, v, "\r\n", true);
        for (String name : List.of("none", "uncertain", "noface", "odd", "box")) {
            Files.createDirectories(root.resolve(AffectNetCsvReader.IMAGES + "/9"));
            Files.copy(root.resolve(AffectNetCsvReader.IMAGES).resolve(cols[0]), root.resolve(AffectNetCsvReader.IMAGES + "/9/" + name + ".jpg"));
        }
        DatasetSettings ds = SynthLayoutFixture.dataset("affectnet-csv", root).withClasses("basic-7");
        DatasetSplit s = SynthLayoutFixture.read(ds, "validation");
        assertEquals(Map.of("unknown-label", 1L, "missing-image", 1L, "malformed-row", 1L, "duplicate-row", 1L, "bad-face-box", 1L),
                s.rejectsByReason());
        assertEquals(Map.of("not-an-expression", 1L, "uncertain", 1L, "not-a-face", 1L, "class-not-in-subset:contempt", 2L),
                s.excludedByReason());
        assertEquals(14, s.samples().size());
        assertTrue(s.samples().get(0).source() instanceof vlfer.data.source.ImageFile f && f.crop() != null);
    }

    @Test
    void affectnetNpyPairsImagesWithAnnotations() throws IOException {
        Path root = SynthLayoutFixture.write(dir, "affectnet-npy");
        Path set = root.resolve("val_set");
        Files.write(set.resolve("annotations/0_exp.npy"), "not numpy".getBytes(StandardCharsets.UTF_8)); // corrupt
        Files.delete(set.resolve("annotations/1_exp.npy"));                                                 // image without label
        Files.delete(set.resolve("images/2.jpg"));                                                          // label without image
        Files.write(set.resolve("annotations/3_exp.npy"), vlfer.data.synth.layout.AffectNetNpyLayout.npyString("10")); // no-face
        DatasetSplit s = SynthLayoutFixture.read(SynthLayoutFixture.dataset("affectnet-npy", root), "val");
        assertEquals(Map.of("bad-annotation", 1L, "missing-annotation", 1L, "missing-image", 1L), s.rejectsByReason());
        assertEquals(Map.of("not-a-face", 1L), s.excludedByReason());
        assertEquals(16 - 4, s.samples().size());
    }

    @Test
    void classFoldersRejectStrayFilesAndUnknownFolders() throws IOException {
        Path root = SynthLayoutFixture.write(dir, "sfew");
        Files.writeString(root.resolve("Val/Happy/Thumbs.db"), "x");
        Files.createDirectories(root.resolve("Val/Bored"));
        Files.copy(root.resolve("Val/Happy").resolve(Files.list(root.resolve("Val/Happy")).filter(p -> p.toString().endsWith(".png"))
                .findFirst().orElseThrow().getFileName()), root.resolve("Val/Bored/0001.png"));
        Files.writeString(root.resolve("Val/readme.txt"), "x");
        DatasetSplit s = SynthLayoutFixture.read(SynthLayoutFixture.dataset("sfew", root), "val");
        assertEquals(Map.of("not-an-image", 1L, "unknown-label", 1L, "outside-class-folder", 1L), s.rejectsByReason());
        assertEquals(14, s.samples().size());
    }

    @Test
    void videoIndexesRejectMissingAndEmptyClipsAndBadRows() throws IOException {
        Path dfew = SynthLayoutFixture.write(dir, "dfew");
        Path index = dfew.resolve(DfewReader.indexFile("test", 1));
        List<String> d = lines(index);
        d.add("9999,1");             // no such clip folder
        d.add("998,2");              // empty clip folder (planted below)
        d.add("abc,3");              // not a number
        d.add("2,9");                // unknown label id (clip 2 is a fold-1 training clip)
        d.add(d.get(1));             // duplicate
        write(index, d, "\r\n", false);
        Files.createDirectories(dfew.resolve(DfewReader.FRAMES + "/00998"));
        Files.writeString(dfew.resolve(DfewReader.FRAMES + "/00998/notes.txt"), "x");
        DatasetSplit s = SynthLayoutFixture.read(SynthLayoutFixture.dataset("dfew", dfew), "test");
        assertEquals(Map.of("missing-clip", 1L, "empty-clip", 1L, "malformed-row", 1L, "unknown-label", 1L, "duplicate-row", 1L),
                s.rejectsByReason());
        assertEquals(7, s.samples().size());

        Path ferv = SynthLayoutFixture.write(dir, "ferv39k");
        Path fi = ferv.resolve(Ferv39kReader.indexFile("test"));
        List<String> f = lines(fi);
        f.add("Daily/Happy/x9999 Happy");  // missing clip
        f.add("Daily/Happy Happy");        // path without a clip id
        f.add("Daily/Happy/t9999 Bored");  // a row is rejected for one reason only: here the missing clip
        write(fi, f, "\n", false);
        DatasetSplit fs = SynthLayoutFixture.read(SynthLayoutFixture.dataset("ferv39k", ferv), "test");
        assertEquals(Map.of("missing-clip", 2L, "malformed-row", 1L), fs.rejectsByReason());

        Path mafw = SynthLayoutFixture.write(dir, "mafw");
        Path mi = mafw.resolve(MafwReader.indexFile("no_caption", 1, "test"));
        List<String> m = lines(mi);
        m.add("00001 anger");              // no .mp4
        m.add(m.get(0).replaceFirst(" \\S+$", " boredom")); // unknown class (and a duplicate clip id: counted once, as duplicate)
        write(mi, m, "\r\n", true);
        DatasetSplit ms = SynthLayoutFixture.read(SynthLayoutFixture.dataset("mafw", mafw), "test");
        assertEquals(Map.of("malformed-row", 1L, "duplicate-row", 1L), ms.rejectsByReason());
        assertEquals(11, ms.samples().size());
    }
}
