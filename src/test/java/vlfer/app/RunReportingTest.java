package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import vlfer.testing.ChartImages;
import vlfer.testing.HeadlessChromium;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;

/**
 * What users look at, on two real tiny runs (small CNN, local[2]): the history table, report.html,
 * {@code vlfer runs}, {@code vlfer gate} and {@code vlfer promote}.
 */
@ExtendWith(LocalSparkExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunReportingTest {
    @TempDir
    static Path work;
    static RunSummary first;
    static RunSummary second;

    private static LoadedSettings settings(String runId, String... more) {
        return TestRuns.settings(work, List.of("vlfer.run-id=" + runId, "vlfer.model.encoder=small-cnn",
                "vlfer.train.averaging-frequency=2"), more);
    }

    @BeforeAll
    static void twoRuns() {
        LoadedSettings a = settings("report-a", "vlfer.eval.protocol=best-on-validation");
        TestData.synthesize(a.settings());
        first = TrainJob.run(a, false);
        second = TrainJob.run(settings("report-b", "vlfer.train.epochs=1"), false);
    }

    private String out() {
        return work.resolve("out").toString();
    }

    @Test
    @Order(1)
    void historyHoldsEveryRoundAndEpochAndAddsUp() throws Exception {
        List<Row> rows = SparkSession.active().read().parquet(first.historyTable()).where("run_id = 'report-a'")
                .orderBy("epoch", "kind", "round").collectAsList();
        List<Row> epochs = rows.stream().filter(r -> r.getAs("kind").equals("epoch")).toList();
        assertEquals(2, epochs.size());
        for (Row e : epochs) {
            int epoch = e.getAs("epoch");
            List<Row> rounds = rows.stream().filter(r -> r.getAs("kind").equals("round") && r.<Integer>getAs("epoch") == epoch).toList();
            assertEquals(e.<Integer>getAs("rounds"), rounds.size(), "a row per averaging round of epoch " + epoch);
            assertEquals(e.<Long>getAs("faces"), rounds.stream().mapToLong(r -> r.<Long>getAs("faces")).sum(),
                    "the rounds' faces add up to the epoch's");
            assertTrue(e.<Double>getAs("loss") > 0);
            assertTrue(e.<Double>getAs("images_per_second") > 0);
            assertEquals(e.<Double>getAs("learning_rate"), e.getJavaMap(e.fieldIndex("stage_learning_rates")).get("network"));
            assertNotNull(e.getAs("selection_war"), "best-on-validation scores every epoch");
            assertEquals("synthetic", e.getAs("dataset"));
            assertEquals("train", e.getAs("split"));
        }
        assertTrue(epochs.get(1).<Double>getAs("elapsed_seconds") > epochs.get(0).<Double>getAs("elapsed_seconds"));
        // 20 faces per class in the split, less the validation hold-out, every one trained once per epoch
        long trained = epochs.get(0).<Long>getAs("faces");
        assertTrue(trained > 100 && trained < 140, "faces per epoch: " + trained);
        Row lastOfB = SparkSession.active().read().parquet(first.historyTable()).where("run_id = 'report-b' AND kind = 'epoch'")
                .first();
        assertNull(lastOfB.getAs("selection_war"), "last-epoch scores no epoch");

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), sum(faces) FROM read_parquet('" + first.historyTable().replace("file:", "")
                     + "/run_id=*/*/*/*.parquet', hive_partitioning = true) WHERE run_id = 'report-a' AND kind = 'epoch'")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getLong(1));
            assertEquals(2 * trained, rs.getLong(2));
        }
    }

    @Test
    @Order(2)
    void reportIsOneSelfContainedPageWithItsCharts() throws Exception {
        Path report = Path.of(first.runDir(), "report.html");
        assertEquals(report.toUri().toString().replace("file:///", "file:/"), first.reportPath());
        String html = Files.readString(report);
        for (String id : List.of("chart-loss", "chart-learning-rate", "chart-throughput", "chart-classes-synthetic-test",
                "chart-confusion-synthetic-test", "id=\"provenance\"", "id=\"results\"", "id=\"epochs\"", "id=\"mistakes\"")) {
            assertTrue(html.contains(id), id);
        }
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
                "the page loads nothing");
        assertTrue(html.contains(String.format("%.2f%%", 100 * first.result("synthetic", "test").metrics().war())));
        List<byte[]> charts = ChartImages.inlined(html);
        assertEquals(5, charts.size());
        for (byte[] png : charts) {
            assertTrue(ChartImages.colours(png) > 8, "a chart is drawn, not blank");
        }
    }

    @Test
    @Order(3)
    void runsListsBothRunsSideBySide() throws Exception {
        Path html = work.resolve("runs.html");
        CliRun r = CliRun.of("runs", "--output", out(), "--filter", "report-*", "--html", html.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("run_id"), r.out());
        String a = lines.stream().filter(l -> l.startsWith("report-a ")).findFirst().orElseThrow();
        assertTrue(a.contains(String.format("%.2f%%", 100 * first.result("synthetic", "test").metrics().war())), a);
        assertTrue(a.contains("best-on-validation"), a);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("report-b ") && l.contains("last-epoch")), r.out());
        assertTrue(Files.readString(html).contains("report-b"));
        assertTrue(CliRun.of("runs", "--output", out(), "--filter", "nothing-*").out().contains("no runs match"));
    }

    @Test
    @Order(4)
    void gateAndPromoteFollowTheMetrics() throws Exception {
        double warA = first.result("synthetic", "test").metrics().war();
        double warB = second.result("synthetic", "test").metrics().war();
        CliRun pass = CliRun.of("gate", "--output", out(), "--run-id", "report-a", "--min-war", "0", "--against", "fer");
        assertEquals(0, pass.code(), pass.out() + pass.err());
        assertTrue(pass.out().contains("no champion 'fer' yet"), pass.out());
        if (warA < 1) {
            CliRun fail = CliRun.of("gate", "--output", out(), "--run-id", "report-a", "--min-war", Double.toString(Math.min(1, warA + 0.01)));
            assertEquals(GateCommand.FAILED, fail.code(), fail.out());
            assertTrue(fail.out().contains("FAIL synthetic/test: WAR"), fail.out());
        }
        assertEquals(2, CliRun.of("gate", "--output", out(), "--run-id", "report-a", "--min-war", "90").code(),
                "a WAR floor must be a fraction");

        CliRun promote = CliRun.of("promote", "--output", out(), "--run-id", "report-a", "--as", "fer");
        assertEquals(0, promote.code(), promote.err());
        Path models = work.resolve("out/models/fer");
        assertTrue(Files.exists(models.resolve("versions/report-a/model.zip")));
        assertTrue(Files.readString(models.resolve("versions/report-a/model-card.json")).contains("\"runId\" : \"report-a\""));
        assertTrue(Files.readString(models.resolve("champion.json")).contains("\"runId\" : \"report-a\""));
        assertTrue(CliRun.of("promote", "--output", out(), "--run-id", "report-a", "--as", "fer").out().contains("already is the champion"));

        CliRun against = CliRun.of("gate", "--output", out(), "--run-id", "report-b", "--min-war", "0", "--against", "fer",
                "--max-drop", "0");
        assertEquals(warB >= warA ? 0 : GateCommand.FAILED, against.code(), against.out());
        assertTrue(against.out().contains("vs champion 'fer' (run report-a)"), against.out());

        assertEquals(0, CliRun.of("promote", "--output", out(), "--run-id", "report-b", "--as", "fer").code());
        String pointer = Files.readString(models.resolve("champion.json"));
        assertTrue(pointer.contains("\"runId\" : \"report-b\"") && pointer.contains("\"previousRunId\" : \"report-a\""), pointer);
        assertTrue(Files.exists(models.resolve("versions/report-a/model.zip")), "the previous champion is kept");
        assertFalse(Files.list(models).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));

        CliRun missing = CliRun.of("promote", "--output", out(), "--run-id", "no-such-run", "--as", "fer");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("has no model file"), missing.err());
    }

    @Test
    @Order(5)
    void reportCommandRewritesTheReport() throws Exception {
        Path report = Path.of(second.runDir(), "report.html");
        Files.delete(report);
        CliRun r = CliRun.of("report", "--output", out(), "--run-id", "report-b");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(report).contains("chart-confusion-synthetic-test"));
        CliRun unknown = CliRun.of("report", "--output", out(), "--run-id", "nope");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("run 'nope' has no rows in the metrics table"), unknown.err());
    }

    /**
     * The report in a real browser: headless Chromium loads it, its DOM holds the five charts, and a
     * screenshot (kept at target/test-artifacts/report-screenshot.png) shows them drawn.
     */
    @Test
    @Order(6)
    void chromiumRendersTheReportWithItsCharts() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find();
        if (chromium == null && System.getenv("CI") != null) {
            throw new AssertionError("chromium is not installed (.ci/run installs it)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium != null, "chromium is not installed");
        Path report = Path.of(first.runDir(), "report.html");
        String dom = chromium.dumpDom(report);
        assertEquals(5, java.util.regex.Pattern.compile("<figure class=\"chart\"").matcher(dom).results().count(), dom.length() + " chars");
        assertTrue(dom.contains("<table class=\"kv\" id=\"provenance\">"));
        Path png = Path.of("target/test-artifacts/report-screenshot.png");
        chromium.screenshot(report, png, 1280, 4200);
        java.awt.image.BufferedImage shot = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1280, shot.getWidth());
        double coloured = ChartImages.colouredFraction(shot);
        assertTrue(coloured > 0.02, "the screenshot shows drawn charts: coloured fraction " + coloured);
    }
}
