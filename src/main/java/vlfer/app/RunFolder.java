package vlfer.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.data.DataFiles;
import vlfer.data.DatasetSplit;
import vlfer.data.RejectBudget;
import vlfer.data.RejectedRow;

/**
 * The folder of one run under output.dir: {@code runs/<run-id>/} holds the resolved configuration
 * (secrets masked), checkpoints, the final model and the rejects files. Writes go to a temporary
 * name first and are renamed into place.
 */
final class RunFolder {
    private static final Logger LOG = LoggerFactory.getLogger(RunFolder.class);

    private final Configuration conf;
    private final String runId;
    private final String dir;

    RunFolder(Configuration conf, String outputDir, String runId) {
        this.conf = conf;
        this.runId = runId;
        this.dir = (outputDir.endsWith("/") ? outputDir : outputDir + "/") + "runs/" + runId;
    }

    String runId() {
        return runId;
    }

    String path() {
        return dir;
    }

    String modelPath() {
        return dir + "/model.zip";
    }

    void writeText(String name, String text) {
        String dst = dir + "/" + name;
        try {
            new DataFiles(conf).writeAtomically(dst, (fs, tmp) -> {
                try (OutputStream out = fs.create(tmp, true)) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dst + ": " + e.getMessage(), e);
        }
    }

    String rejectsPath(String dataset, String split) {
        return dir + "/" + rejectsName(dataset, split);
    }

    private static String rejectsName(String dataset, String split) {
        return "rejects/" + dataset + "-" + split + ".tsv";
    }

    /**
     * Writes the split's rejects file, says why when {@code news} is given, and fails the job when
     * the rejects exceed the budget.
     */
    void recordRejects(DatasetSplit split, double maxFraction, String news) {
        if (news != null) {
            LOG.warn("dataset {}/{}: {}; rejects now {}, listed in {}", split.dataset(), split.split(), news,
                    new TreeMap<>(split.rejectsByReason()), rejectsPath(split.dataset(), split.split()));
        }
        recordRejects(split.dataset(), split.split(), split.rejects(), split.samples().size(), maxFraction);
    }

    /**
     * Writes the rejected rows of a dataset split as TSV, then fails the job when they exceed
     * {@code maxFraction} of the split ({@code usable} rows kept); returns the file's path.
     */
    String recordRejects(String dataset, String split, List<RejectedRow> rows, long usable, double maxFraction) {
        StringBuilder sb = new StringBuilder("dataset\tsource\tline\treason\tdetail\n");
        Map<String, Long> byReason = new TreeMap<>();
        for (RejectedRow r : rows) {
            sb.append(r.dataset()).append('\t').append(r.source()).append('\t').append(r.line()).append('\t')
                    .append(r.reason()).append('\t').append(r.detail().replace('\t', ' ').replace('\n', ' ')).append('\n');
            byReason.merge(r.reason(), 1L, Long::sum);
        }
        writeText(rejectsName(dataset, split), sb.toString());
        String file = rejectsPath(dataset, split);
        RejectBudget.check(dataset, split, byReason, usable, maxFraction, file);
        return file;
    }
}
