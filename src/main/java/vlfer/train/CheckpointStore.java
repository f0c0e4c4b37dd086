package vlfer.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import vlfer.data.DataFiles;
import vlfer.model.ModelCard;

/**
 * Model files: DL4J's zip (configuration, parameters, updater state) with the {@link ModelCard}
 * added as {@code vlfer-model-card.json}. Written to a local temporary file, copied to the target
 * file system under a temporary name and renamed, so a reader never sees a half-written model.
 */
public final class CheckpointStore {
    public static final String CARD_ENTRY = "vlfer-model-card.json";
    private static final Pattern EPOCH_FILE = Pattern.compile("epoch-(\\d{4})\\.zip");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Configuration conf;
    private final String checkpointDir;

    public CheckpointStore(Configuration conf, String runDir) {
        this.conf = conf;
        this.checkpointDir = runDir + "/checkpoints";
    }

    /** Saves the network after 0-based {@code epoch}; returns the file's path. */
    public String save(ComputationGraph graph, ModelCard card) {
        return saveAs(graph, card, pathOf(card.epoch()));
    }

    /** Where the checkpoint of 0-based {@code epoch} is (or will be). */
    public String pathOf(int epoch) {
        return checkpointDir + String.format("/epoch-%04d.zip", epoch);
    }

    /** Saves a model file at {@code target} (local path or Hadoop URI); returns its qualified path. */
    public String saveAs(ComputationGraph graph, ModelCard card, String target) {
        Path local = null;
        try {
            local = Files.createTempFile("vlfer-model", ".zip");
            ModelSerializer.writeModel(graph, local.toFile(), true);
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + local.toUri()), Map.of())) {
                Path entry = zip.getPath(CARD_ENTRY);
                Files.write(entry, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(card));
            }
            Path written = local;
            return new DataFiles(conf).writeAtomically(target,
                    (fs, tmp) -> fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(written.toUri()), tmp));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + target + ": " + e.getMessage(), e);
        } finally {
            if (local != null) {
                local.toFile().delete();
            }
        }
    }

    /** The checkpoint of the highest epoch, if any. */
    public Optional<String> latest() {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(checkpointDir);
        try {
            org.apache.hadoop.fs.FileSystem fs = dir.getFileSystem(conf);
            if (!fs.exists(dir)) {
                return Optional.empty();
            }
            String best = null;
            int bestEpoch = -1;
            for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(dir)) {
                Matcher m = EPOCH_FILE.matcher(st.getPath().getName());
                if (m.matches() && Integer.parseInt(m.group(1)) > bestEpoch) {
                    bestEpoch = Integer.parseInt(m.group(1));
                    best = st.getPath().toString();
                }
            }
            return Optional.ofNullable(best);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + checkpointDir + ": " + e.getMessage(), e);
        }
    }

    /** Reads only the model card of a model file (streamed up to its entry; the network is not built). */
    public static ModelCard readCard(Configuration conf, String path) {
        org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(path);
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(src.getFileSystem(conf).open(src))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(CARD_ENTRY)) {
                    return JSON.readValue(zip.readAllBytes(), ModelCard.class);
                }
            }
            throw new IllegalArgumentException(path + " is not a vlfer model (no " + CARD_ENTRY + ")");
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("model file " + path + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + path + ": " + e.getMessage(), e);
        }
    }

    /** Loads a model file (with its updater state, so training can resume). */
    public static Checkpoint load(Configuration conf, String path) {
        Path local = null;
        try {
            local = Files.createTempFile("vlfer-model", ".zip");
            org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(path);
            org.apache.hadoop.fs.FileSystem fs = src.getFileSystem(conf);
            if (!fs.exists(src)) {
                throw new IllegalArgumentException("model file " + path + " does not exist");
            }
            fs.copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(local.toUri()), true);
            ModelCard card;
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + local.toUri()), Map.of())) {
                Path entry = zip.getPath(CARD_ENTRY);
                if (!Files.exists(entry)) {
                    throw new IllegalArgumentException(path + " is not a vlfer model (no " + CARD_ENTRY + ")");
                }
                try (InputStream in = Files.newInputStream(entry)) {
                    card = JSON.readValue(in, ModelCard.class);
                }
            }
            ComputationGraph graph = ModelSerializer.restoreComputationGraph(local.toFile(), true);
            return new Checkpoint(path, graph, card);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + path + ": " + e.getMessage(), e);
        } finally {
            if (local != null) {
                local.toFile().delete();
            }
        }
    }
}
