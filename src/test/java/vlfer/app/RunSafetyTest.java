package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.LoadedSettings;
import vlfer.testing.LocalSparkExtension;
import vlfer.testing.TestData;
import vlfer.testing.TestRuns;

/** One owner per run id; fresh, resume or overwrite, never a mix; interrupted table writes never read. */
@ExtendWith(LocalSparkExtension.class)
class RunSafetyTest {
    @TempDir
    static Path work;

    private static LoadedSettings settings(String runId, String... more) {
        return TestRuns.settings(work, List.of("vlfer.run-id=" + runId, "vlfer.model.encoder=small-cnn",
                "vlfer.output.predictions=false"), more);
    }

    private static Path runDir(String runId) {
        return work.resolve("out/runs/" + runId);
    }

    @BeforeAll
    static void faces() {
        TestData.synthesize(settings("any").settings());
    }

    @Test
    void aSecondRunOfALockedRunIdIsRefusedNamingTheHolder() {
        try (RunLock held = RunLock.acquire(new Configuration(), runDir("busy").toString(), "busy", "another vlfer train", false)) {
            String msg = assertThrows(IllegalStateException.class, () -> TrainJob.run(settings("busy"), false)).getMessage();
            assertTrue(msg.contains("run busy is locked by " + System.getProperty("user.name") + "@")
                    && msg.contains("pid " + ProcessHandle.current().pid()) && msg.contains("another vlfer train"), msg);
            assertFalse(Files.exists(runDir("busy").resolve("resolved.conf")), "the refused run wrote nothing");
            held.checkHeld();
        }
        assertFalse(Files.exists(runDir("busy").resolve(RunLock.FILE)), "closing releases the lock");
    }

    @Test
    void aStaleLockIsTakenOverOnlyWhenAsked() throws Exception {
        Path lock = runDir("stale").resolve(RunLock.FILE);
        Files.createDirectories(lock.getParent());
        String old = Instant.now().minus(RunLock.STALE).minusSeconds(60).toString();
        Files.writeString(lock, "{\"id\":\"dead\",\"user\":\"ml\",\"host\":\"gpu-7\",\"pid\":4242,\"command\":\"vlfer train\","
                + "\"started\":\"" + old + "\",\"heartbeat\":\"" + old + "\"}");
        String msg = assertThrows(IllegalStateException.class, () -> TrainJob.run(settings("stale"), false)).getMessage();
        assertTrue(msg.contains("stale lock") && msg.contains("ml@gpu-7 pid 4242") && msg.contains("--take-over-lock"), msg);
        RunSummary run = TrainJob.run(settings("stale", "vlfer.train.epochs=1"), NetworkStage.Start.FRESH, true);
        assertEquals(1, run.epochsTrained());
        assertFalse(Files.exists(lock), "the new holder released the lock it took over");
    }

    /** A lock its writer left empty counts as live while its file is young, then as stale. */
    @Test
    void anUnreadableLockIsJudgedByItsFilesAge() throws Exception {
        Path lock = runDir("empty-lock").resolve(RunLock.FILE);
        Files.createDirectories(lock.getParent());
        Files.createFile(lock);
        String msg = assertThrows(IllegalStateException.class, () -> RunLock.acquire(new Configuration(),
                runDir("empty-lock").toString(), "empty-lock", "vlfer train", true)).getMessage();
        assertTrue(msg.contains("an unreadable lock (empty)") && msg.contains(RunLock.FILE), msg);
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.from(Instant.now().minus(RunLock.STALE).minusSeconds(60)));
        try (RunLock taken = RunLock.acquire(new Configuration(), runDir("empty-lock").toString(), "empty-lock", "vlfer train",
                true)) {
            taken.checkHeld();
            assertTrue(Files.readString(lock).contains("\"command\" : \"vlfer train\""));
        }
    }

    @Test
    void aLockTakenByAnotherHolderStopsTheRun() throws Exception {
        RunLock mine = RunLock.acquire(new Configuration(), runDir("stolen").toString(), "stolen", "vlfer train", false);
        Path lock = runDir("stolen").resolve(RunLock.FILE);
        Files.writeString(lock, Files.readString(lock).replaceFirst("\"id\" : \"[^\"]+\"", "\"id\" : \"someone-else\""));
        mine.heartbeat();
        String msg = assertThrows(IllegalStateException.class, mine::checkHeld).getMessage();
        assertTrue(msg.contains("lost its lock"), msg);
        mine.close();
        assertTrue(Files.exists(lock), "a lock that is not ours is not removed");
    }

    @Test
    void freshOverAnEarlierRunIsRefusedAndOverwriteRemovesAllOfIt() throws Exception {
        TrainJob.run(settings("again", "vlfer.train.epochs=2"), false);
        // an earlier run of the id also evaluated another dataset
        Path other = work.resolve("out/tables/metrics/run_id=again/dataset=other/split=test");
        Files.createDirectories(other);
        Files.copy(Files.list(work.resolve("out/tables/metrics/run_id=again/dataset=synthetic/split=test"))
                .filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(), other.resolve("part-0.parquet"));

        String msg = assertThrows(IllegalStateException.class, () -> TrainJob.run(settings("again", "vlfer.train.epochs=1"),
                false)).getMessage();
        assertTrue(msg.contains("run again exists already") && msg.contains("checkpoints") && msg.contains("model.zip")
                && msg.contains("metrics/run_id=again") && msg.contains("--overwrite") && msg.contains("--resume"), msg);

        RunSummary fresh = TrainJob.run(settings("again", "vlfer.train.epochs=1"), NetworkStage.Start.OVERWRITE);
        assertEquals(1, fresh.epochsTrained());
        try (var cps = Files.list(runDir("again").resolve("checkpoints"))) {
            assertEquals(List.of("epoch-0000.zip"), cps.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip"))
                    .sorted().toList(), "the old run's epoch-0001 is gone: it cannot be resumed into the new run");
        }
        assertFalse(Files.exists(other.getParent()), "every table partition of the run id was replaced, not only those written");
        assertEquals(0, TrainJob.run(settings("again", "vlfer.train.epochs=1"), NetworkStage.Start.RESUME).epochsTrained(),
                "--resume continues the new run (done), not the old one");
    }

    @Test
    void resumeOrStartResumesWhenThereIsACheckpointAndStartsOtherwise() throws Exception {
        Files.createDirectories(runDir("retry"));
        Files.writeString(runDir("retry").resolve("resolved.conf"), "left by an attempt that died before its first epoch");
        RunSummary first = TrainJob.run(settings("retry"), NetworkStage.Start.RESUME_OR_START);
        assertEquals(2, first.epochsTrained(), "no checkpoint: started (over what the dead attempt left)");
        // the next attempt dies after its first epoch: only that checkpoint is left
        Files.delete(runDir("retry").resolve("checkpoints/epoch-0001.zip"));
        Files.delete(runDir("retry").resolve("model.zip"));
        RunSummary retried = TrainJob.run(settings("retry"), NetworkStage.Start.RESUME_OR_START);
        assertEquals(1, retried.epochsTrained(), "only epoch 2: epoch 1 was resumed from its checkpoint");
    }

    /**
     * What a write killed mid-way leaves (staging folders with zero-byte part files) is never read
     * by the README's DuckDB globs, and is removed by the next write once its run is abandoned; a
     * live run's staging folder is left alone.
     */
    @Test
    void interruptedTableWritesAreNeverReadAndAreRemovedOnceAbandoned() throws Exception {
        RunSummary run = TrainJob.run(settings("tables", "vlfer.train.epochs=1"), false);
        Path metrics = work.resolve("out/tables/metrics");
        Path dead = metrics.resolve(".spark-staging-0f0f/run_id=killed/dataset=synthetic/split=test");
        Path live = metrics.resolve(".spark-staging-1e1e/run_id=training-now/dataset=synthetic/split=test");
        for (Path p : List.of(dead, live)) {
            Files.createDirectories(p);
            Files.createFile(p.resolve("part-00000-0f0f.c000.snappy.parquet"));
        }
        String glob = "read_parquet('" + metrics + "/run_id=*/*/*/*.parquet', hive_partitioning = true)";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT value FROM " + glob + " WHERE run_id = 'tables' AND metric = 'war'")) {
                assertTrue(rs.next());
                assertEquals(run.result("synthetic", "test").metrics().war(), rs.getDouble(1), 1e-12);
            }
            try (RunLock other = RunLock.acquire(new Configuration(), runDir("training-now").toString(), "training-now",
                    "vlfer train", false)) {
                TrainJob.run(settings("tables", "vlfer.train.epochs=1"), NetworkStage.Start.OVERWRITE);
            }
            assertFalse(Files.exists(metrics.resolve(".spark-staging-0f0f")), "the abandoned write's staging is removed");
            assertTrue(Files.exists(live), "a live run's staging is kept");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + glob + " WHERE run_id = 'tables' AND metric = 'war'")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getLong(1));
            }
        }
    }

    /**
     * A table write (predictions) killed with SIGKILL in a separate JVM: its half-written part files
     * break a {@code **} glob, the README's committed-partition glob still reads the table, and the
     * next write of a run removes the dead writer's staging folder.
     */
    @Test
    void aKilledWriteIsNeverReadAndIsRemovedByTheNextWrite() throws Exception {
        RunSummary run = TrainJob.run(settings("before-kill", "vlfer.train.epochs=1", "vlfer.output.predictions=true"), false);
        Path out = work.resolve("out");
        Path metrics = out.resolve("tables/predictions");
        List<String> full = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g"));
        full.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dorg.") || a.startsWith("-Djdk.")).toList());
        full.addAll(List.of("-cp", System.getProperty("java.class.path"), "vlfer.testing.SlowTableWrite", out.toString(),
                "killed-writer", "20000000"));
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(work.resolve("writer.log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process writer = pb.start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        Path part = null;
        while (part == null && writer.isAlive() && System.nanoTime() < deadline) {
            try (var files = Files.walk(metrics)) {
                part = files.filter(f -> f.toString().contains("/.spark-staging-") && f.getFileName().toString().startsWith("part-"))
                        .findFirst().orElse(null);
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException racing) {
                // the writer is creating folders while we list them
            }
            Thread.sleep(20);
        }
        assertTrue(part != null, "the writer started its write: " + Files.readString(work.resolve("writer.log")));
        writer.destroyForcibly().waitFor();
        assertTrue(Files.exists(part), "the killed write left its staging folder");

        String committed = "read_parquet('" + metrics + "/run_id=*/*/*/*.parquet', hive_partitioning = true)";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement bad = duck.createStatement()) {
                assertThrows(java.sql.SQLException.class, () -> bad.executeQuery("SELECT count(*) FROM read_parquet('" + metrics
                        + "/**/*.parquet', hive_partitioning = true)").close(), "a ** glob meets the dead writer's partial files");
            }
            Statement st = duck.createStatement();
            try (ResultSet rs = st.executeQuery("SELECT avg(CASE WHEN label = prediction THEN 1.0 ELSE 0.0 END) FROM " + committed
                    + " WHERE run_id = 'before-kill'")) {
                assertTrue(rs.next());
                assertEquals(run.result("synthetic", "test").metrics().war(), rs.getDouble(1), 1e-9);
            }
            TrainJob.run(settings("after-kill", "vlfer.train.epochs=1", "vlfer.output.predictions=true"), false);
            try (var left = Files.list(metrics)) {
                assertFalse(left.anyMatch(f -> f.getFileName().toString().startsWith(".spark-staging-")),
                        "the next write removed the dead writer's staging folder");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT run_id) FROM read_parquet('" + metrics
                    + "/**/*.parquet', hive_partitioning = true)")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getLong(1), "every glob reads the table again: the two runs, not the killed write");
            }
        }
    }
}
