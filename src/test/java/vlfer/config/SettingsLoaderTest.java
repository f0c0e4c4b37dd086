package vlfer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private LoadedSettings load(String fileText, String... overrides) throws IOException {
        Path f = null;
        if (fileText != null) {
            f = dir.resolve("test.conf");
            Files.writeString(f, fileText);
        }
        return new SettingsLoader(CLOCK).load(f, List.of(overrides));
    }

    private String error(String fileText, String... overrides) {
        return assertThrows(SettingsException.class, () -> load(fileText, overrides)).getMessage();
    }

    @Test
    void embeddedDefaultsLoadAndDeriveARunId() throws IOException {
        VlferSettings s = load(null).settings();
        assertEquals("ke2nt", s.method().name());
        assertEquals("pairwise", s.method().of("ke2nt").string("lc-form"));
        assertEquals(100.0, s.method().of("ke2nt").doubleIn("logit-scale", 0, 1000));
        assertEquals("ke2nt-small-cnn-20261122-101530", s.runId());
        assertEquals("synthetic", s.data().train());
        assertEquals("rafdb", s.data().trainDataset().format());
        // the dataset root comes from the synth folder by substitution
        assertEquals(s.synth().dir(), s.data().trainDataset().root());
    }

    @Test
    void fileAndSetOverridesApplyInOrder() throws IOException {
        VlferSettings s = load("vlfer.train.epochs = 3\nvlfer.method.ke2nt.lc-form = diagonal\n",
                "vlfer.train.epochs=5", "vlfer.run-id=my-run").settings();
        assertEquals(5, s.train().epochs());
        assertEquals("diagonal", s.method().of("ke2nt").string("lc-form"));
        assertEquals("my-run", s.runId());
    }

    @Test
    void unknownKeyNamesKeyFileLineAndSuggestion() {
        String msg = error("vlfer {\n  train {\n    epoch = 3\n  }\n}\n");
        assertTrue(msg.contains("unknown key 'vlfer.train.epoch'"), msg);
        assertTrue(msg.contains("test.conf: 3"), msg);
        assertTrue(msg.contains("did you mean 'vlfer.train.epochs'"), msg);
    }

    @Test
    void unknownKeyFromSetNamesTheOption() {
        String msg = error(null, "vlfer.model.encodr=resnet18");
        assertTrue(msg.contains("unknown key 'vlfer.model.encodr'"), msg);
        assertTrue(msg.contains("--set vlfer.model.encodr"), msg);
    }

    @Test
    void wrongTypeNamesKeyOriginAndExpectation() {
        String msg = error("vlfer.train.epochs = lots\n");
        assertTrue(msg.contains("vlfer.train.epochs"), msg);
        assertTrue(msg.contains("test.conf: 1"), msg);
        assertTrue(msg.contains("expected a whole number"), msg);
    }

    @Test
    void outOfRangeAndBadEnumAreRejected() throws IOException {
        String range = error("vlfer.augment.flip-probability = 1.5\n");
        assertTrue(range.contains("vlfer.augment.flip-probability") && range.contains("[0.0, 1.0]"), range);
    }

    @Test
    void datasetEntriesAreCheckedAgainstTheTemplate() throws IOException {
        String ok = "vlfer.data.datasets.raf { format = rafdb, root = \"/data/raf\" }\nvlfer.data.evaluate = [synthetic, raf]\n";
        VlferSettings s = load(ok).settings();
        DatasetSettings raf = s.data().datasets().get("raf");
        assertEquals("train", raf.trainSplit());
        assertEquals(List.of("test"), raf.evalSplits());

        String typo = error("vlfer.data.datasets.raf { format = rafdb, rot = \"/data/raf\" }\n");
        assertTrue(typo.contains("vlfer.data.datasets.raf.rot"), typo);
        String missingRoot = error("vlfer.data.datasets.raf { format = rafdb }\n");
        assertTrue(missingRoot.contains("vlfer.data.datasets.raf.root") && missingRoot.contains("required"), missingRoot);
        String unknownName = error(null, "vlfer.data.evaluate=[nope]");
        assertTrue(unknownName.contains("vlfer.data.evaluate") && unknownName.contains("nope"), unknownName);
    }

    @Test
    void theShippedClusterConfResolvesItsManifests() {
        VlferSettings s = new SettingsLoader(CLOCK).load(java.nio.file.Path.of("conf/cluster.conf"), List.of()).settings();
        DatasetSettings sfew = s.data().datasets().get("sfew");
        assertEquals("sfew", sfew.format());
        assertEquals("s3a://ml-fer-datasets/SFEW2", sfew.root());
        assertEquals(List.of("val"), sfew.evalSplits());
        DatasetSettings rafdb = s.data().datasets().get("rafdb");
        assertEquals("rafdb", rafdb.format());
        assertEquals("s3a://ml-fer-datasets/RAF-DB/basic", rafdb.root());
        assertEquals(List.of("rafdb", "sfew"), s.data().evaluate());
    }

    @Test
    void missingConfigFileIsAClearError() {
        String msg = assertThrows(SettingsException.class,
                () -> new SettingsLoader().load(dir.resolve("nope.conf"), List.of())).getMessage();
        assertTrue(msg.contains("nope.conf") && msg.contains("does not exist"), msg);
    }

    @Test
    void secretsAreMaskedInTheDumpAndTheHashFollowsValues() throws IOException {
        LoadedSettings a = load("vlfer.spark.conf { \"spark.hadoop.fs.s3a.secret.key\" = \"hunter2\" }\n");
        assertFalse(a.maskedDump().contains("hunter2"), a.maskedDump());
        assertTrue(a.maskedDump().contains("***"));
        LoadedSettings b = load(null, "vlfer.run-id=r1");
        LoadedSettings c = load(null, "vlfer.run-id=r1");
        LoadedSettings d = load(null, "vlfer.run-id=r1", "vlfer.train.epochs=2");
        assertEquals(b.configHash(), c.configHash());
        assertNotEquals(b.configHash(), d.configHash());
    }

    @Test
    void badRunIdIsRejected() {
        String msg = error(null, "vlfer.run-id=\"a/b\"");
        assertTrue(msg.contains("vlfer.run-id"), msg);
    }


    @Test
    void aWholeNumberWithAFractionIsRefusedNotTruncated() {
        String epochs = error(null, "vlfer.train.epochs=1.5");
        assertTrue(epochs.startsWith("vlfer.train.epochs (") && epochs.contains("a whole number") && epochs.contains("1.5"), epochs);
        String seed = error("vlfer.seed = 4.2\n");
        assertTrue(seed.startsWith("vlfer.seed (") && seed.contains("test.conf: 1"), seed);
    }

    @Test
    void aMissingManifestPathIsAnErrorEvenWhenItsFileNameIsShipped() {
        String msg = error("vlfer.data.datasets.raf { manifest = \"/no/such/dir/rafdb.conf\", root = \"/data/raf\" }\n");
        assertTrue(msg.contains("/no/such/dir/rafdb.conf") && msg.contains("no such file"), msg);
    }

    @Test
    void aDatasetNameWithADotIsAClearError() {
        String msg = error("vlfer.data.datasets { \"raf.db\" { format = rafdb, root = \"/data/raf\" } }\n");
        assertTrue(msg.contains("vlfer.data.datasets") && msg.contains("raf.db") && msg.contains("letters, digits"), msg);
    }

    @Test
    void onlySparkPropertiesAreMaskedSoThatTheHashFollowsTheTextEncoderSettings() throws IOException {
        LoadedSettings a = load(null, "vlfer.run-id=r1", "vlfer.text.onnx-file.max-tokens=32");
        LoadedSettings b = load(null, "vlfer.run-id=r1", "vlfer.text.onnx-file.max-tokens=64");
        assertNotEquals(a.configHash(), b.configHash(), "max-tokens is a setting, not a token");
        assertTrue(a.maskedDump().contains("max-tokens=32"), a.maskedDump());
    }

    @Test
    void aRecipeSitsBetweenReferenceAndTheUsersSettings() throws IOException {
        VlferSettings cliper = load("vlfer.recipe = cliper\n", "vlfer.train.epochs=3").settings();
        assertEquals("cliper", cliper.method().name());
        assertEquals(TrainSettings.Optimizer.ADAMW, cliper.train().optimizer());
        assertEquals(5e-6, cliper.train().learningRate());
        assertEquals(0.1, cliper.train().weightDecay());
        assertEquals(1e-4, cliper.train().epsilon());
        assertEquals(10, cliper.train().restartEpochs());
        assertEquals(128, cliper.train().batchSizePerWorker());
        assertEquals(224, cliper.model().inputSize());
        assertEquals(3, cliper.train().epochs(), "--set wins over the recipe");
        assertEquals(0.01, cliper.method().of("cliper").doubleIn("temperature", 0, 1));
        assertEquals(2, cliper.method().of("cliper").intAtLeast("descriptor-epochs", 0));
        VlferSettings expclip = load(null, "vlfer.recipe=expclip").settings();
        assertEquals(512, expclip.train().batchSizePerWorker());
        assertEquals(0.0, expclip.augment().flipProbability(), "no augmentation");
        VlferSettings ke2nt = load(null, "vlfer.recipe=ke2nt").settings();
        assertEquals(0.002, ke2nt.train().learningRate());
        assertEquals(50, ke2nt.train().epochs());
        String unknown = error(null, "vlfer.recipe=clipper");
        assertTrue(unknown.startsWith("vlfer.recipe (") && unknown.contains("[cliper, expclip, ke2nt]"), unknown);
    }
}
