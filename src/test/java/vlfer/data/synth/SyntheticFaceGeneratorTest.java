package vlfer.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.data.Expression;
import vlfer.data.LabelVocabulary;
import vlfer.data.labels.LabelMaps;
import vlfer.data.rafdb.RafDbReader;

class SyntheticFaceGeneratorTest {
    @TempDir
    Path dir;

    private static SynthSettings settings(long seed, int train, int test, double noise) {
        return new SynthSettings(seed, train, test, 100, noise, 0.25, 1.0, 12, 0.15, 0.45, 0.25, 6, 0.15, LabelVocabulary.BASIC_7);
    }

    private static Map<String, String> digests(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        new SyntheticFaceGenerator(settings(5, 3, 2, 0.1)).writeRafDb(dir.resolve("a"));
        new SyntheticFaceGenerator(settings(5, 3, 2, 0.1)).writeRafDb(dir.resolve("b"));
        new SyntheticFaceGenerator(settings(6, 3, 2, 0.1)).writeRafDb(dir.resolve("c"));
        Map<String, String> a = digests(dir.resolve("a"));
        assertEquals(35 + 3, a.size(), "35 images, the label file, the actions file and the stamp");
        assertEquals(a, digests(dir.resolve("b")));
        Map<String, String> c = digests(dir.resolve("c"));
        assertEquals(a.keySet(), c.keySet());
        assertFalse(a.get("Image/aligned/train_00001_aligned.jpg").equals(c.get("Image/aligned/train_00001_aligned.jpg")));
    }

    @Test
    void writesTheRealRafDbLayout() throws Exception {
        Path root = dir.resolve("raf");
        SynthesisSummary summary = new SyntheticFaceGenerator(settings(1, 4, 2, 0.0)).writeRafDb(root);
        byte[] raw = Files.readAllBytes(root.resolve(RafDbReader.LABEL_FILE));
        String text = new String(raw, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertEquals(42, lines.length);
        assertEquals(42, text.chars().filter(ch -> ch == '\r').count(), "every line ends with CRLF");
        assertTrue(lines[0].matches("train_\\d{5}\\.jpg [1-7]"), lines[0]);
        assertTrue(lines[28].matches("test_\\d{4}\\.jpg [1-7]"), lines[28]);
        List<String> firstSeven = List.of(lines).subList(0, 7);
        assertFalse(firstSeven.stream().map(l -> l.split(" ")[1]).distinct().count() == 1, "classes interleave");
        for (String line : lines) {
            String stem = line.split(" ")[0].replace(".jpg", "");
            BufferedImage img = ImageIO.read(root.resolve("Image/aligned/" + stem + "_aligned.jpg").toFile());
            assertNotNull(img, stem);
            assertEquals(100, img.getWidth());
            assertEquals(100, img.getHeight());
        }
        assertEquals(Map.of("train", 28, "test", 14), Map.of(
                "train", summary.countsBySplitAndClass().get("train").values().stream().mapToInt(Integer::intValue).sum(),
                "test", summary.countsBySplitAndClass().get("test").values().stream().mapToInt(Integer::intValue).sum()));

        List<String> actions = Files.readAllLines(root.resolve(SyntheticFaceGenerator.ACTIONS_FILE));
        assertEquals("image\ttrue_label\twritten_label\taction_units\tdescription", actions.get(0));
        for (int i = 1; i < actions.size(); i++) {
            String[] cols = actions.get(i).split("\t");
            String[] label = lines[i - 1].split(" ");
            assertEquals(label[0], cols[0]);
            Expression written = Expression.fromNoun(cols[2]);
            assertEquals(Integer.parseInt(LabelMaps.RAFDB.tokenOf(written)), Integer.parseInt(label[1]));
            Expression drawn = Expression.fromNoun(cols[1]);
            for (ActionUnit au : ExpressionPrototypes.of(drawn)) {
                assertTrue(cols[3].contains(au.name() + ":"), cols[0] + " " + drawn.noun() + " lacks " + au + ": " + cols[3]);
            }
            assertFalse(cols[4].isBlank());
        }
    }

    @Test
    void labelNoiseFlipsAboutTheConfiguredShareToOtherClasses() throws Exception {
        Path root = dir.resolve("noisy");
        SynthesisSummary s = new SyntheticFaceGenerator(settings(3, 60, 1, 0.2)).writeRafDb(root);
        long flipped = Files.readAllLines(root.resolve(SyntheticFaceGenerator.ACTIONS_FILE)).stream().skip(1)
                .map(l -> l.split("\t")).filter(c -> !c[1].equals(c[2])).count();
        assertEquals(s.labelFlips(), flipped);
        double rate = flipped / 427.0;
        assertTrue(rate > 0.14 && rate < 0.26, "flip rate " + rate);
    }

    @Test
    void identicalSettingsSkipAndChangedSettingsRegenerate() throws IOException {
        Path root = dir.resolve("reuse");
        assertFalse(new SyntheticFaceGenerator(settings(9, 2, 1, 0)).writeRafDb(root).reused());
        assertTrue(new SyntheticFaceGenerator(settings(9, 2, 1, 0)).writeRafDb(root).reused());
        SynthesisSummary again = new SyntheticFaceGenerator(settings(9, 3, 1, 0)).writeRafDb(root);
        assertFalse(again.reused());
        assertEquals(21 + 7, Files.readAllLines(root.resolve(RafDbReader.LABEL_FILE)).size());
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("reuse"), siblings.map(p -> p.getFileName().toString()).toList(), "no temporary folders left");
        }
    }

    @Test
    void neutralFacesAreDescribedAsRelaxed() {
        FaceParameters f = new FaceParameterSampler(settings(1, 1, 1, 0)).sample(Expression.NEUTRAL,
                FaceParameterSampler.random(1, "x", 0));
        String d = FacialActionDescriber.describe(new FaceParameters(f.headWidth(), f.headHeight(), f.skinRgb(), f.hairRgb(),
                f.backgroundRgb(), f.backgroundRgb2(), f.eyeSpacing(), f.eyeY(), f.eyeSize(), f.browThickness(), f.mouthWidth(),
                f.mouthY(), f.noseLength(), Map.of(), false, 0, 0, 0, 0, false, 0, 0, FaceParameters.Occluder.NONE));
        assertEquals("relaxed face, straight mouth, smooth forehead, resting eyebrows", d);
    }
}
