package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import vlfer.model.ModelCard;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;
import vlfer.train.CheckpointStore;

/** Each method other than ke2nt (TrainJobTest) through the same trainer, evaluator and tables, on easy synthetic faces. */
@ExtendWith(LocalSparkExtension.class)
class MethodsTrainingTest {
    @TempDir
    static Path work;

    private static LoadedSettings settings(String runId, String... more) {
        return TestRuns.settings(work, List.of("vlfer.run-id=" + runId,
                "vlfer.synth.train-per-class=150", "vlfer.synth.test-per-class=15", "vlfer.train.epochs=8",
                "vlfer.train.warmup-epochs=0", "vlfer.synth.min-intensity=0.8", "vlfer.synth.max-roll-degrees=0",
                "vlfer.synth.max-yaw=0", "vlfer.synth.lighting=0", "vlfer.synth.blur-probability=0",
                "vlfer.synth.noise-sigma=0", "vlfer.synth.occluder-probability=0", "vlfer.synth.label-noise=0",
                "vlfer.train.learning-rate=0.03", "vlfer.augment.erasing-probability=0",
                "vlfer.augment.crop-probability=0", "vlfer.output.predictions=false"), more);
    }

    @Test
    void ceTrainsALinearHeadWithoutTextAndItsRowsSayCe() throws Exception {
        LoadedSettings loaded = settings("ce-run", "vlfer.method.name=ce");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        SplitResult test = run.result("synthetic", "test");
        assertEquals(7 * 15, test.metrics().samples());
        assertTrue(test.metrics().war() > 0.4, "7 classes, chance 0.14: WAR " + test.metrics().war());

        ModelCard card = CheckpointStore.load(new Configuration(), run.modelPath()).card();
        assertEquals("ce", card.method());
        assertEquals("none", card.textEncoder());
        RunSummary again = EvaluateJob.run(loaded, run.modelPath());
        assertEquals(test.metrics().war(), again.result("synthetic", "test").metrics().war(), 1e-12);

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT method, text_encoder, value FROM read_parquet('"
                     + work.resolve("out/tables/metrics") + "/**/*.parquet', hive_partitioning = true) "
                     + "WHERE run_id = 'ce-run' AND metric = 'war'")) {
            assertTrue(rs.next());
            assertEquals("ce", rs.getString(1));
            assertEquals("none", rs.getString(2));
            assertEquals(test.metrics().war(), rs.getDouble(3), 1e-12);
        }
    }

    @Test
    void cliperLearnsAgainstItsDescriptorsAndItsRowsNameTheVariant() throws Exception {
        // stage 2 only: the encoder trains from scratch here (stage 1 needs a pretrained one, see reference.conf)
        LoadedSettings loaded = settings("cliper-run", "vlfer.method.name=cliper", "vlfer.method.cliper.descriptor-epochs=0");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        SplitResult test = run.result("synthetic", "test");
        assertTrue(test.metrics().war() > 0.6, "7 classes, chance 0.14: WAR " + test.metrics().war());
        ModelCard card = CheckpointStore.load(new Configuration(), run.modelPath()).card();
        assertEquals("cliper-emb-k5", card.method());
        assertEquals("all-minilm-l6-v2", card.textEncoder());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT method FROM read_parquet('"
                     + work.resolve("out/tables/metrics") + "/**/*.parquet', hive_partitioning = true) "
                     + "WHERE run_id = 'cliper-run'")) {
            assertTrue(rs.next());
            assertEquals("cliper-emb-k5", rs.getString(1));
        }
    }

    @Test
    void expclipLearnsFaceTargetsWithoutLabelsAndClassifiesZeroShot() throws Exception {
        LoadedSettings loaded = settings("expclip-run", "vlfer.method.name=expclip", "vlfer.train.epochs=4");
        TestData.synthesize(loaded.settings());
        RunSummary run = TrainJob.run(loaded, false);
        SplitResult test = run.result("synthetic", "test");
        assertEquals(7 * 15, test.metrics().samples());
        // InfoNCE over 32 faces per worker batch is ln 32 = 3.47 for unrelated pairs; matching faces to targets lowers it
        assertTrue(run.finalLoss() < 3.2, "final InfoNCE loss " + run.finalLoss());
        ModelCard card = CheckpointStore.load(new Configuration(), run.modelPath()).card();
        assertEquals("expclip-i2t-ensemble-10", card.method());
        assertTrue(Double.isFinite(test.metrics().war()));
    }
}
