package vlfer.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staging folders ({@code .spark-staging-<job>}) that interrupted table writes leave under a
 * table. Spark readers skip them, but a glob over the table's files does not (DuckDB then meets
 * half-written part files). Before every write, a folder is removed when every run id it holds a
 * partition of (committed, or still in a task's attempt folder) is abandoned, that is, no live run
 * owns it; a folder holding no partition yet is removed once nothing in it changed for
 * {@link #EMPTY_AFTER}.
 */
final class StagingFolders {
    static final String PREFIX = ".spark-staging-";
    static final Duration EMPTY_AFTER = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(StagingFolders.class);

    private StagingFolders() {
    }

    /** Removes the abandoned staging folders under {@code table}; returns the paths removed. */
    static List<String> removeAbandoned(Configuration conf, String table, Predicate<String> abandoned) {
        List<String> removed = new ArrayList<>();
        Path dir = new Path(table);
        try {
            FileSystem fs = dir.getFileSystem(conf);
            if (!fs.exists(dir)) {
                return removed;
            }
            for (FileStatus st : fs.listStatus(dir, p -> p.getName().startsWith(PREFIX))) {
                List<String> runIds = runIds(fs, st.getPath());
                boolean stale = runIds.isEmpty()
                        ? System.currentTimeMillis() - newest(fs, st) > EMPTY_AFTER.toMillis()
                        : runIds.stream().allMatch(abandoned);
                if (stale && fs.delete(st.getPath(), true)) {
                    removed.add(st.getPath().toString());
                    LOG.warn("removed {}, left by an interrupted table write{}", st.getPath(),
                            runIds.isEmpty() ? "" : " of run " + String.join(", ", runIds));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the staging folders of " + table + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /**
     * The run ids of the partitions in a staging folder: a task writes under
     * {@code _temporary/.../attempt_*}{@code /run_id=...} until it commits, then under {@code run_id=...}.
     */
    private static List<String> runIds(FileSystem fs, Path staging) throws IOException {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(staging, true);
        while (files.hasNext()) {
            for (Path p = files.next().getPath(); p != null && !p.equals(staging); p = p.getParent()) {
                if (p.getName().startsWith("run_id=")) {
                    ids.add(p.getName().substring("run_id=".length()));
                }
            }
        }
        return new ArrayList<>(ids);
    }

    private static long newest(FileSystem fs, FileStatus dir) throws IOException {
        long newest = dir.getModificationTime();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir.getPath(), true);
        while (files.hasNext()) {
            newest = Math.max(newest, files.next().getModificationTime());
        }
        return newest;
    }
}
