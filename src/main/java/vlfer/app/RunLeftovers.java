package vlfer.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.eval.ParquetTables;

/**
 * What an earlier run of a run id left: the entries of its run folder (the lock aside) and its
 * partitions in every table. A fresh run refuses to start over them; {@code --overwrite} removes
 * them all, so nothing of the old run can become part of the new one.
 */
record RunLeftovers(List<Path> paths) {
    private static final Logger LOG = LoggerFactory.getLogger(RunLeftovers.class);

    static RunLeftovers find(Configuration conf, RunFolder run, ParquetTables tables) {
        List<Path> found = new ArrayList<>();
        try {
            Path dir = new Path(run.path());
            FileSystem fs = dir.getFileSystem(conf);
            if (fs.exists(dir)) {
                for (FileStatus st : fs.listStatus(dir)) {
                    String name = st.getPath().getName();
                    if (!name.equals(RunLock.FILE) && !name.startsWith("." + RunLock.FILE)) {
                        found.add(st.getPath());
                    }
                }
            }
            for (String table : tables.paths()) {
                Path partition = new Path(table, "run_id=" + run.runId());
                if (partition.getFileSystem(conf).exists(partition)) {
                    found.add(partition);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for an earlier run " + run.runId() + ": " + e.getMessage(), e);
        }
        return new RunLeftovers(List.copyOf(found));
    }

    boolean any() {
        return !paths.isEmpty();
    }

    /** The leftovers by name, for messages: "checkpoints, model.zip, tables/metrics/run_id=x". */
    String describe() {
        return String.join(", ", paths.stream().map(p -> p.getName().startsWith("run_id=")
                ? p.getParent().getParent().getName() + "/" + p.getParent().getName() + "/" + p.getName() : p.getName()).toList());
    }

    void remove(Configuration conf, String why) {
        for (Path p : paths) {
            try {
                p.getFileSystem(conf).delete(p, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + p + ": " + e.getMessage(), e);
            }
        }
        if (any()) {
            LOG.warn("{}: removed what the earlier run left: {}", why, describe());
        }
    }
}
