package vlfer.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.ModelSettings;
import vlfer.config.SettingsException;
import vlfer.interop.WeightFormat;
import vlfer.interop.djl.TorchScriptReader;
import vlfer.interop.npz.StateDict;
import vlfer.interop.npz.StateDictImporter;
import vlfer.model.encoder.EncoderArchitecture;
import vlfer.model.encoder.EncoderRegistry;

/**
 * Loads {@code vlfer.model.weights} (a PyTorch state dict as .npz or a TorchScript archive, by
 * extension, on local disk or any Hadoop file system such as s3a://) into a new graph's encoder, on
 * the driver, before training; the trainer then ships the parameters to the executors. Every
 * failure names the key and the file.
 */
final class EncoderWeights {
    private static final Logger LOG = LoggerFactory.getLogger(EncoderWeights.class);

    private EncoderWeights() {
    }

    /**
     * At start-up, before any work: the file has a known format and (on local disk) exists, the
     * encoder has a state-dict layout, and this build can read the format.
     */
    static void check(ModelSettings model) {
        if (model.weights().isBlank()) {
            return;
        }
        String weights = model.weights();
        try {
            WeightFormat.of(weights);
        } catch (IllegalArgumentException e) {
            throw model.block().invalid("weights", "a .npz state dict or a TorchScript archive (or \"\" for none)", e.getMessage());
        }
        String local = weights.startsWith("file:") ? weights.replaceFirst("^file:(//)?", "") : weights;
        if (!local.contains("://") && !Files.isRegularFile(Path.of(local))) {
            throw model.block().invalid("weights", "an existing .npz state dict or TorchScript archive (or \"\" for none)",
                    weights + " (no such file: " + Path.of(local).toAbsolutePath() + ")");
        }
        if (EncoderRegistry.create(model).stateDictLayout().isEmpty()) {
            throw new SettingsException("vlfer.model.weights = " + model.weights() + ": encoder " + model.encoder()
                    + " takes no PyTorch weights (" + String.join(", ", EncoderRegistry.namesTakingWeights()) + " do)");
        }
        if (WeightFormat.of(model.weights()) == WeightFormat.TORCHSCRIPT) {
            try {
                TorchScriptReader.requireEngine(model.weights());
            } catch (IOException e) {
                throw new SettingsException("vlfer.model.weights = " + model.weights() + ": " + e.getMessage(), e);
            }
        }
    }

    static void load(ComputationGraph graph, EncoderArchitecture encoder, ModelSettings model, Configuration hadoop) {
        if (model.weights().isBlank()) {
            return;
        }
        String source = model.weights();
        WeightFormat format;
        try {
            format = WeightFormat.of(source);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("vlfer.model.weights = " + source + ": " + e.getMessage(), e);
        }
        StateDict dict;
        Path local = null;
        try {
            if (source.contains("://") && !source.startsWith("file:")) {
                local = Files.createTempFile("vlfer-weights-", format.extension(source));
                org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(source);
                FileSystem.get(remote.toUri(), hadoop).copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()), true);
                dict = format.read(local, source);
            } else {
                dict = format.read(Path.of(source.replaceFirst("^file:(//)?", "")), source);
            }
        } catch (IOException e) {
            throw new SettingsException("vlfer.model.weights = " + source + ": cannot read it: " + e.getMessage(), e);
        } finally {
            deleteQuietly(local);
        }
        StateDictImporter.Report report;
        try {
            report = StateDictImporter.load(graph, encoder.stateDictLayout(), dict, model.weightsPrefix());
        } catch (IllegalArgumentException e) {
            throw new SettingsException("vlfer.model.weights (encoder " + model.encoder() + "): " + e.getMessage(), e);
        }
        LOG.info("encoder weights from {}: {}", source, report.summary(6));
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("could not delete the temporary copy {}: {}", p, e.getMessage());
        }
    }
}
