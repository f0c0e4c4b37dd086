package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.data.ferplus.FerPlusReader;
import vlfer.data.layouts.SynthLayoutFixture;

/** {@code vlfer datasets describe} as a user runs it on a dataset folder: the report, JSON and mistakes. */
class DatasetsDescribeCommandTest {
    @TempDir
    Path dir;

    /** FERPlus in its shipped layout with one empty Image name and one PNG-less row planted. */
    private Path ferplus() throws IOException {
        Path root = SynthLayoutFixture.write(dir, "ferplus");
        Path labels = root.resolve(FerPlusReader.LABELS);
        List<String> l = new ArrayList<>(Files.readAllLines(labels));
        l.set(1, "Training,,0,10,0,0,0,0,0,0,0,0");
        Files.write(labels, l);
        return root;
    }

    @Test
    void reportShowsClassesRejectsExclusionsAndTheLabelMapping() throws IOException {
        Path root = ferplus();
        CliRun r = CliRun.of("datasets", "describe", "--manifest", "ferplus.conf", "--root", root.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("format     ferplus"), out);
        assertTrue(out.contains("root       file:" + root), out);
        assertTrue(out.contains("classes    neutral, happiness, sadness, surprise, fear, disgust, anger, contempt"), out);
        assertTrue(out.contains("label map  ferplus"), out);
        // 3 Training faces per class, the first row's name emptied
        assertTrue(out.contains("split train: " + (8 * SynthLayoutFixture.TRAIN_PER_CLASS - 1) + " samples, 1 rejected"), out);
        assertTrue(out.contains("empty-name"), out);
        assertTrue(out.contains(FerPlusReader.LABELS + ":2"), "the example names file and line: " + out);
        assertTrue(out.contains("split test: " + 8 * SynthLayoutFixture.TEST_PER_CLASS + " samples, 0 rejected"), out);
    }

    /** {@code --check}: the scheduler's data gate, exit 3 over the reject budget and 0 within it. */
    @Test
    void checkExitsThreeWhenASplitIsOverTheRejectBudget() throws IOException {
        Path root = ferplus();
        CliRun over = CliRun.of("datasets", "describe", "--manifest", "ferplus.conf", "--root", root.toString(), "--check",
                "--set", "vlfer.data.max-reject-fraction=0.001");
        assertEquals(GateCommand.FAILED, over.code(), over.err());
        assertTrue(over.err().contains("data check FAILED") && over.err().contains("train"), over.err());
        CliRun within = CliRun.of("datasets", "describe", "--manifest", "ferplus.conf", "--root", root.toString(), "--check",
                "--set", "vlfer.data.max-reject-fraction=0.5");
        assertEquals(0, within.code(), within.err());
        assertTrue(within.err().contains("data check passed"), within.err());
    }

    @Test
    void jsonCarriesTheSameCountsForScripts() throws IOException {
        Path root = ferplus();
        CliRun r = CliRun.of("datasets", "describe", "--manifest", "ferplus.conf", "--root", root.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals("ferplus", json.get("format").asText());
        com.fasterxml.jackson.databind.JsonNode train = json.get("splits").get(0);
        assertEquals("train", train.get("split").asText());
        assertEquals(1, train.get("rejectsByReason").get("empty-name").asInt());
        assertEquals(SynthLayoutFixture.TRAIN_PER_CLASS, train.get("samplesByClass").get("contempt").asInt());
        assertEquals(8 + 2, json.get("labelMapping").size(), "8 classes and the unknown and NF columns excluded");
    }

    @Test
    void verifyImagesCountsATruncatedImage() throws IOException {
        Path root = SynthLayoutFixture.write(dir, "sfew");
        Path image;
        try (java.util.stream.Stream<Path> files = Files.walk(root.resolve("Train"))) {
            image = files.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(image);
        Files.write(image, java.util.Arrays.copyOf(bytes, 40));
        CliRun plain = CliRun.of("datasets", "describe", "--manifest", "sfew.conf", "--root", root.toString());
        assertTrue(plain.out().contains("split train: " + 7 * SynthLayoutFixture.TRAIN_PER_CLASS + " samples, 0 rejected"),
                plain.out());
        CliRun verified = CliRun.of("datasets", "describe", "--manifest", "sfew.conf", "--root", root.toString(),
                "--verify-images", "--threads", "2");
        assertEquals(0, verified.code(), verified.err());
        assertTrue(verified.out().contains("split train: " + (7 * SynthLayoutFixture.TRAIN_PER_CLASS - 1)
                + " samples, 1 rejected (every image decoded)"), verified.out());
        assertTrue(verified.out().contains("corrupt-image") && verified.out().contains(image.getFileName().toString()),
                verified.out());
    }

    @Test
    void mistakesAreClearErrorsWithoutStackTraces() {
        CliRun noManifest = CliRun.of("datasets", "describe");
        assertEquals(2, noManifest.code());
        assertTrue(noManifest.err().contains("--manifest FILE is required"), noManifest.err());
        CliRun unknown = CliRun.of("datasets", "describe", "--manifest", "no-such-set.conf");
        assertTrue(unknown.code() != 0 && unknown.err().contains("no-such-set.conf"), unknown.err());
        CliRun missingRoot = CliRun.of("datasets", "describe", "--manifest", "rafdb.conf", "--root", dir.resolve("absent").toString());
        assertTrue(missingRoot.code() != 0, missingRoot.out());
        assertTrue(missingRoot.err().contains("does not exist") && missingRoot.err().contains(".root"), missingRoot.err());
        assertFalse(missingRoot.err().contains("\tat "), "no stack trace: " + missingRoot.err());
        CliRun help = CliRun.of("datasets", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--verify-images") && help.out().contains("spark.hadoop.fs.s3a.endpoint"), help.out());
    }
}
