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
 * zero-byte part files). Before every write, a folder is removed when every run id it holds a
 * partition of is abandoned (no live run owns it), or, holding no partition yet, when nothing in
 * it changed for {@link #EMPTY_AFTER}.
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
                List<String> runIds = new ArrayList<>();
                for (FileStatus child : fs.listStatus(st.getPath())) {
                    if (child.getPath().getName().startsWith("run_id=")) {
                        runIds.add(child.getPath().getName().substring("run_id=".length()));
                    }
                }
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

    private static long newest(FileSystem fs, FileStatus dir) throws IOException {
        long newest = dir.getModificationTime();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir.getPath(), true);
        while (files.hasNext()) {
            newest = Math.max(newest, files.next().getModificationTime());
        }
        return newest;
    }
}
