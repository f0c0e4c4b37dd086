package vlfer.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One owner per run id: {@code runs/<run-id>/run.lock} names its holder (user, host, pid, command,
 * start) and a heartbeat the holder rewrites every {@link #HEARTBEAT}. A second run of the id is
 * refused while the heartbeat is fresh; a lock whose heartbeat is older than {@link #STALE} (its
 * holder died) is taken over only when asked ({@code --resume}, {@code --take-over-lock}). The
 * lock is created with create-if-absent: atomic on a local disk and HDFS; on S3 (no conditional
 * writes in hadoop-aws 3.3) two runs started in the same second could both create it, and the one
 * whose heartbeat finds the other's lock stops at its next epoch.
 */
final class RunLock implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final Duration STALE = Duration.ofMinutes(3);
    static final String FILE = "run.lock";
    private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the lock file holds. */
    record Holder(String id, String user, String host, long pid, String command, String started, String heartbeat) {
        Duration silence(Instant now) {
            return Duration.between(Instant.parse(heartbeat), now);
        }

        /** A lock file that cannot be read (its writer died mid-write): stale once its file is STALE old. */
        static Holder unreadable(long modifiedMillis, String why) {
            Instant at = Instant.ofEpochMilli(modifiedMillis);
            return new Holder("unreadable", "?", "?", -1, "an unreadable lock (" + why + ")", at.toString(), at.toString());
        }

        String describe() {
            return user + "@" + host + " pid " + pid + " (" + command + ", started " + started + ")";
        }

        Holder beating(Instant at) {
            return new Holder(id, user, host, pid, command, started, at.toString());
        }
    }

    private final Configuration conf;
    private final Path path;
    private final String runId;
    private final Holder own;
    private final ScheduledExecutorService beat;
    private volatile String lost;
    private boolean closed;

    private RunLock(Configuration conf, Path path, String runId, Holder own) {
        this.conf = conf;
        this.path = path;
        this.runId = runId;
        this.own = own;
        this.beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vlfer-run-lock-" + runId);
            t.setDaemon(true);
            return t;
        });
        beat.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the run's lock, or fails naming its holder. {@code takeOverStale}: a lock whose holder
     * stopped beating is taken over (with a warning) instead of refused.
     */
    static RunLock acquire(Configuration conf, String runDir, String runId, String command, boolean takeOverStale) {
        Path path = new Path(runDir, FILE);
        Instant now = Instant.now();
        Holder own = new Holder(UUID.randomUUID().toString(), System.getProperty("user.name"), host(),
                ProcessHandle.current().pid(), command, now.toString(), now.toString());
        for (int attempt = 0; attempt < 3; attempt++) {
            if (createNew(conf, path, own)) {
                LOG.info("run {}: lock {} taken", runId, qualified(conf, path));
                return new RunLock(conf, path, runId, own);
            }
            Optional<Holder> held = read(conf, path);
            if (held.isEmpty()) {
                continue; // released meanwhile
            }
            Duration silence = held.get().silence(Instant.now());
            if (silence.compareTo(STALE) < 0) {
                throw new IllegalStateException("run " + runId + " is locked by " + held.get().describe() + ", last heartbeat "
                        + silence.toSeconds() + " s ago (" + qualified(conf, path) + "): wait for it to finish, or choose"
                        + " another vlfer.run-id");
            }
            if (!takeOverStale) {
                throw new IllegalStateException("run " + runId + " has a stale lock: its holder " + held.get().describe()
                        + " stopped " + silence.toMinutes() + " min ago without releasing " + qualified(conf, path)
                        + ". If that run is dead: 'vlfer train' takes the lock over with --resume or --take-over-lock;"
                        + " for other commands, remove that file");
            }
            if (setAside(conf, path, held.get())) {
                LOG.warn("run {}: took over the stale lock of {} (silent for {} min)", runId, held.get().describe(),
                        silence.toMinutes());
            }
        }
        throw new IllegalStateException("run " + runId + ": could not take " + qualified(conf, path) + " (another run kept"
                + " taking it)");
    }

    /**
     * Moves a stale lock out of the way by renaming it to a name of its own: of two runs taking the
     * same stale lock over, only one rename succeeds (atomic on a local disk and HDFS), and a lock that
     * turned out to be another's fresh one is put back. Returns whether this run moved the stale lock.
     */
    private static boolean setAside(Configuration conf, Path path, Holder stale) {
        Path aside = new Path(path.getParent(), "." + FILE + ".stale-" + UUID.randomUUID());
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (!fs.rename(path, aside)) {
                return false; // another run moved it first
            }
            Optional<Holder> moved = read(conf, aside);
            if (moved.isPresent() && !moved.get().id().equals(stale.id())) {
                fs.rename(aside, path); // a fresh lock taken meanwhile: not ours to move
                return false;
            }
            fs.delete(aside, false);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take over the stale run lock " + path + ": " + e.getMessage(), e);
        }
    }

    /** Whether run {@code runId} under {@code outputDir} is held by a live run (a fresh heartbeat). */
    static boolean isLive(Configuration conf, String outputDir, String runId) {
        Optional<Holder> h = read(conf, new Path(new RunFolder(conf, outputDir, runId).path(), FILE));
        return h.isPresent() && h.get().silence(Instant.now()).compareTo(STALE) < 0;
    }

    /** Fails when another run took the lock over (its heartbeat found a lock not its own). */
    void checkHeld() {
        if (lost != null) {
            throw new IllegalStateException("run " + runId + ": lost its lock: " + lost);
        }
    }

    /** Rewrites the heartbeat, or marks the lock lost when the file is no longer this holder's (every HEARTBEAT). */
    synchronized void heartbeat() {
        if (closed) {
            return;
        }
        try {
            Optional<Holder> now = read(conf, path);
            if (now.isEmpty() || !now.get().id().equals(own.id())) {
                lost = now.map(h -> "now held by " + h.describe()).orElse(path + " was removed");
                LOG.error("run {}: {}; this run stops at its next checkpoint", runId, lost);
                beat.shutdown();
                return;
            }
            replace(conf, path, own.beating(Instant.now()));
        } catch (RuntimeException e) {
            LOG.warn("run {}: heartbeat of {} failed: {}", runId, path, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true; // a heartbeat waiting for this monitor then does nothing
        beat.shutdownNow();
        Optional<Holder> now = read(conf, path);
        if (now.isPresent() && now.get().id().equals(own.id())) {
            delete(conf, path);
            LOG.info("run {}: lock released", runId);
        }
    }

    private static boolean createNew(Configuration conf, Path path, Holder h) {
        try {
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(h);
            FileSystem fs = path.getFileSystem(conf);
            fs.mkdirs(path.getParent());
            if (fs instanceof LocalFileSystem local) {
                java.nio.file.Path p = local.pathToFile(path).toPath();
                try {
                    Files.write(p, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE); // O_EXCL
                    return true;
                } catch (FileAlreadyExistsException e) {
                    return false;
                }
            }
            try (FSDataOutputStream out = fs.create(path, false)) {
                out.write(bytes);
                return true;
            } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run lock " + path + ": " + e.getMessage(), e);
        }
    }

    private static void replace(Configuration conf, Path path, Holder h) {
        try {
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(h);
            FileSystem fs = path.getFileSystem(conf);
            if (fs instanceof LocalFileSystem local) {
                java.nio.file.Path p = local.pathToFile(path).toPath();
                java.nio.file.Path tmp = p.resolveSibling("." + FILE + ".beat");
                Files.write(tmp, bytes);
                Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            try (FSDataOutputStream out = fs.create(path, true)) { // one PUT on S3: readers see old or new
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the run lock " + path + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Holder> read(Configuration conf, Path path) {
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (!fs.exists(path)) {
                return Optional.empty();
            }
            byte[] bytes;
            try (var in = fs.open(path)) {
                bytes = in.readAllBytes();
            }
            try {
                Holder h = JSON.readValue(bytes, Holder.class);
                h.silence(Instant.now()); // the heartbeat parses
                return Optional.of(h);
            } catch (IOException | RuntimeException unreadable) {
                LOG.warn("run lock {} cannot be read ({}): treated as its file's age says", path, unreadable.getMessage());
                return Optional.of(Holder.unreadable(fs.getFileStatus(path).getModificationTime(),
                        bytes.length == 0 ? "empty" : unreadable.getMessage()));
            }
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run lock " + path + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Configuration conf, Path path) {
        try {
            path.getFileSystem(conf).delete(path, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the run lock " + path + ": " + e.getMessage(), e);
        }
    }

    private static String qualified(Configuration conf, Path path) {
        try {
            return path.getFileSystem(conf).makeQualified(path).toString();
        } catch (IOException e) {
            return path.toString();
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
