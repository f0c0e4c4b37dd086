package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import vlfer.config.SettingsException;
import vlfer.config.VlferSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetSplit;
import vlfer.data.FaceSample;
import vlfer.data.rafdb.RafDbReader;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;

/**
 * The whole job against bad input: it stops before work (before Spark work, before the run folder
 * is written, before the first epoch), and no credential reaches any output.
 */
@ExtendWith(LocalSparkExtension.class)
class HostileRunTest {
    @TempDir
    static Path work;

    private static LoadedSettings settings(String runId, String... more) {
        return TestRuns.settings(work, List.of("vlfer.run-id=" + runId, "vlfer.synth.train-per-class=6",
                "vlfer.synth.test-per-class=2", "vlfer.train.epochs=1", "vlfer.model.encoder=small-cnn",
                "vlfer.model.input-size=32", "vlfer.synth.dir=\"" + work.resolve("faces-" + runId) + "\""), more);
    }

    @Test
    void aMisspeltEncoderStopsTheRunBeforeItsFolderIsWritten() {
        LoadedSettings bad = settings("typo", "vlfer.model.encoder=resnet81");
        SettingsException e = assertThrows(SettingsException.class, () -> TrainJob.run(bad, false));
        assertTrue(e.getMessage().startsWith("vlfer.model.encoder (") && e.getMessage().contains("resnet81"), e.getMessage());
        assertFalse(Files.exists(work.resolve("out/runs/typo")), "nothing written for a run that never started");
    }

    @Test
    void undecodableTrainingImagesStopTheJobBeforeTheFirstEpoch() throws IOException {
        LoadedSettings loaded = settings("cut-images");
        VlferSettings s = loaded.settings();
        TestData.synthesize(s);
        Path images = Path.of(s.synth().dir()).resolve(RafDbReader.IMAGE_DIR);
        List<Path> train;
        try (Stream<Path> all = Files.list(images)) {
            train = all.filter(p -> p.getFileName().toString().startsWith("train_")).sorted().limit(5).toList();
        }
        for (Path p : train) {
            byte[] b = Files.readAllBytes(p);
            Files.write(p, java.util.Arrays.copyOf(b, b.length / 2)); // cut inside the JPEG data
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrainJob.run(loaded, false));
        assertTrue(e.getMessage().contains("corrupt-image=5") && e.getMessage().contains("max-reject-fraction"), e.getMessage());
        assertFalse(Files.exists(work.resolve("out/runs/cut-images/checkpoints")), "no epoch ran");
        String rejects = Files.readString(work.resolve("out/runs/cut-images/rejects/synthetic-train.tsv"));
        assertTrue(rejects.contains("corrupt-image") && rejects.contains(train.get(0).getFileName().toString()), rejects);
    }

    @Test
    void aTrainingSplitMissingClassesIsRefusedUnlessAllowed() {
        LoadedSettings loaded = settings("one-class");
        VlferSettings s = loaded.settings();
        TestData.synthesize(s);
        DataFiles files = new DataFiles(new Configuration());
        DatasetSplit train = new RafDbReader().read(s.data().trainDataset(), "train", files);
        List<FaceSample> others = train.samples().stream().filter(f -> f.label() != 0).toList();
        DatasetSplit oneClass = train.withRejected(others, List.of());
        String one = assertThrows(IllegalArgumentException.class, () -> ClassCoverage.check(s, oneClass, files)).getMessage();
        assertTrue(one.contains("1 class [neutral]") && one.contains("vlfer.data.allow-missing-classes"), one);

        List<FaceSample> fear = train.samples().stream().filter(f -> train.vocabulary().get(f.label()).noun().equals("fear")).toList();
        DatasetSplit noFear = train.withRejected(fear, List.of());
        String missing = assertThrows(IllegalArgumentException.class, () -> ClassCoverage.check(s, noFear, files)).getMessage();
        assertTrue(missing.contains("synthetic/test has [fear]"), missing);

        VlferSettings allowed = settings("one-class", "vlfer.data.allow-missing-classes=true").settings();
        ClassCoverage.check(allowed, oneClass, files);
    }

    @Test
    void plantedCredentialsReachNoOutput() throws IOException {
        Map<String, String> planted = new LinkedHashMap<>();
        String[] keys = {
            "spark.hadoop.fs.s3a.access.key", "spark.hadoop.fs.s3a.secret.key", "spark.hadoop.fs.s3a.session.token",
            "spark.hadoop.fs.s3a.encryption.key", "spark.hadoop.fs.s3a.server-side-encryption.key",
            "spark.hadoop.fs.s3a.bucket.faces.secret.key",
            "spark.hadoop.fs.azure.account.key.acct.dfs.core.windows.net", "spark.hadoop.fs.azure.sas.fixed.token.acct.faces",
            "spark.hadoop.fs.azure.account.oauth2.client.secret", "spark.hadoop.fs.gs.auth.service.account.private.key",
            "spark.hadoop.fs.gs.auth.service.account.private.key.id", "spark.authenticate.secret", "spark.ssl.keyPassword",
            "spark.ssl.keyStorePassword", "spark.ssl.trustStorePassword"};
        List<String> overrides = new ArrayList<>();
        List<String> rotated = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            String value = "PLANTED" + i + "x" + Long.toHexString(Double.doubleToLongBits(Math.random()));
            planted.put(keys[i], value);
            overrides.add("vlfer.spark.conf.\"" + keys[i] + "\"=\"" + value + "\"");
            rotated.add("vlfer.spark.conf.\"" + keys[i] + "\"=\"rotated-" + i + "\"");
        }
        LoadedSettings loaded = settings("secrets", overrides.toArray(String[]::new));
        assertEquals(loaded.configHash(), settings("secrets", rotated.toArray(String[]::new)).configHash(),
                "rotating a credential keeps the config hash");
        TestData.synthesize(loaded.settings());
        TrainJob.run(loaded, false);

        List<Path> outputs = new ArrayList<>();
        try (Stream<Path> all = Files.walk(work.resolve("out"))) {
            all.filter(Files::isRegularFile).forEach(outputs::add);
        }
        outputs.add(Path.of("target/test-logs/tests.log"));
        assertTrue(outputs.stream().anyMatch(p -> p.toString().endsWith("resolved.conf")), outputs.toString());
        assertTrue(outputs.stream().anyMatch(p -> p.toString().endsWith("model.zip")), outputs.toString());
        assertTrue(outputs.stream().anyMatch(p -> p.toString().contains("tables")), outputs.toString());
        for (Path p : outputs) {
            String text = readAll(p);
            for (Map.Entry<String, String> e : planted.entrySet()) {
                assertFalse(text.contains(e.getValue()), e.getKey() + "'s value is in " + p);
            }
        }
        assertTrue(Files.readString(work.resolve("out/runs/secrets/resolved.conf")).contains("***"));
    }

    /** The bytes of a file as text, and of every entry when it is a zip (model files, checkpoints). */
    private static String readAll(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        StringBuilder sb = new StringBuilder(new String(bytes, StandardCharsets.ISO_8859_1));
        if (p.toString().endsWith(".zip")) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(p))) {
                while (zip.getNextEntry() != null) {
                    sb.append(new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return sb.toString();
    }

    @Test
    void describeAccountsForEveryListRowAndSaysWhetherTrainingWouldStop() throws IOException {
        VlferSettings s = settings("describe").settings();
        TestData.synthesize(s);
        Path list = Path.of(s.synth().dir()).resolve(RafDbReader.LABEL_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(list, StandardCharsets.UTF_8));
        int rows = lines.size();
        lines.add(2, "trian_00001.jpg 4");
        lines.add(5, "");
        Files.write(list, lines, StandardCharsets.UTF_8);
        vlfer.config.DatasetSettings ds = s.data().trainDataset();
        DatasetDescription d = DescribeJob.run(ds, s.data(), new Configuration(), false, 1);
        assertEquals(rows + 1, d.accounting().rows(), "non-blank lines");
        assertEquals(rows + 1, d.accounting().accounted(), "each once: samples + rejects + exclusions over train and test");
        DatasetDescription.SplitDescription train = d.splits().get(0);
        assertEquals(Map.of("unknown-split", 1L), train.rejectsByReason());
        assertTrue(train.overBudget() != null && train.overBudget().contains("max-reject-fraction"), String.valueOf(train.overBudget()));
        assertEquals(null, d.splits().get(1).overBudget());
        String text = DescriptionPrinter.text(d);
        assertTrue(text.contains("TRAINING WOULD STOP") && text.contains("every row once"), text);
    }
}
