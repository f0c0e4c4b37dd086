package vlfer.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import vlfer.data.DataFiles;
import vlfer.model.ModelCard;
import vlfer.train.CheckpointStore;

/**
 * Promotes a run's model under a name: the model and its card are copied to
 * {@code models/<name>/versions/<run-id>/}, then {@code models/<name>/champion.json} is replaced
 * (each file written under a temporary name and renamed). Earlier champions' copies are kept;
 * promoting the current champion again changes nothing.
 */
public final class Promotion {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Configuration conf;
    private final DataFiles files;
    private final String outputDir;

    public Promotion(Configuration conf, String outputDir) {
        this.conf = conf;
        this.files = new DataFiles(conf);
        this.outputDir = outputDir.endsWith("/") ? outputDir.substring(0, outputDir.length() - 1) : outputDir;
    }

    /** What a promotion did: the pointer now in place, and whether it was already so. */
    public record Outcome(ChampionPointer champion, boolean unchanged) {
    }

    public String pointerPath(String name) {
        return outputDir + "/models/" + checkName(name) + "/champion.json";
    }

    /** The champion of {@code name}, if one was promoted. */
    public Optional<ChampionPointer> champion(String name) {
        String path = pointerPath(name);
        if (!files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(files.readBytes(path), ChampionPointer.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the champion pointer " + path + ": " + e.getMessage(), e);
        }
    }

    public Outcome promote(String runId, String name) {
        String source = outputDir + "/runs/" + runId + "/model.zip";
        if (!files.exists(source)) {
            throw new IllegalArgumentException("run '" + runId + "' has no model file " + files.qualify(source));
        }
        ModelCard card = CheckpointStore.readCard(conf, source);
        if (!card.runId().equals(runId)) {
            throw new IllegalArgumentException(source + " says it is run '" + card.runId() + "', not '" + runId + "'");
        }
        Optional<ChampionPointer> current = champion(name);
        if (current.isPresent() && current.get().runId().equals(runId) && files.exists(current.get().model())) {
            return new Outcome(current.get(), true);
        }
        String version = outputDir + "/models/" + checkName(name) + "/versions/" + runId;
        try {
            String model = files.writeAtomically(version + "/model.zip", (fs, tmp) -> {
                Path src = new Path(source);
                if (!FileUtil.copy(src.getFileSystem(conf), src, fs, tmp, false, true, conf)) {
                    throw new IOException("could not copy " + source);
                }
            });
            String cardPath = write(version + "/model-card.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(card));
            ChampionPointer pointer = new ChampionPointer(name, runId, model, cardPath, files.qualify(source),
                    Instant.now().toString(), current.map(ChampionPointer::runId).orElse(null),
                    current.map(ChampionPointer::model).orElse(null));
            write(pointerPath(name), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(pointer));
            return new Outcome(pointer, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot promote run " + runId + " as '" + name + "': " + e.getMessage(), e);
        }
    }

    private String write(String path, byte[] bytes) throws IOException {
        return files.writeAtomically(path, (fs, tmp) -> {
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(bytes);
            }
        });
    }

    private static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name '" + name + "': use letters, digits, '.', '_' or '-' (it names a folder)");
        }
        return name;
    }
}
