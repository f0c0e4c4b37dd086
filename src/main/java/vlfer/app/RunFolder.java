package vlfer.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vlfer.data.RejectedRow;

/**
 * The folder of one run under output.dir: {@code runs/<run-id>/} holds the resolved configuration
 * (secrets masked), checkpoints, the final model and the rejects files. Writes go to a temporary
 * name first and are renamed into place.
 */
final class RunFolder {
    private final Configuration conf;
    private final String dir;

    RunFolder(Configuration conf, String outputDir, String runId) {
        this.conf = conf;
        this.dir = (outputDir.endsWith("/") ? outputDir : outputDir + "/") + "runs/" + runId;
    }

    String path() {
        return dir;
    }

    String modelPath() {
        return dir + "/model.zip";
    }

    void writeText(String name, String text) {
        Path dst = new Path(dir + "/" + name);
        try {
            FileSystem fs = dst.getFileSystem(conf);
            Path tmp = new Path(dst.getParent(), "." + dst.getName() + ".tmp");
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (fs.exists(dst)) {
                fs.delete(dst, false);
            }
            if (!fs.rename(tmp, dst)) {
                throw new IOException("could not rename " + tmp + " to " + dst);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dst + ": " + e.getMessage(), e);
        }
    }

    /** Writes the rejected rows of a dataset split as TSV; returns the file's path. */
    String writeRejects(String dataset, String split, List<RejectedRow> rows) {
        StringBuilder sb = new StringBuilder("dataset\tsource\tline\treason\tdetail\n");
        for (RejectedRow r : rows) {
            sb.append(r.dataset()).append('\t').append(r.source()).append('\t').append(r.line()).append('\t')
                    .append(r.reason()).append('\t').append(r.detail().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        String name = "rejects/" + dataset + "-" + split + ".tsv";
        writeText(name, sb.toString());
        return dir + "/" + name;
    }
}
