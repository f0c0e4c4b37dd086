package vlfer.app;

import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.ConfigDiff;
import vlfer.config.VlferSettings;
import vlfer.data.LabelVocabulary;
import vlfer.model.ModelCard;
import vlfer.model.NetworkFactory;
import vlfer.text.ClassEmbeddingTable;
import vlfer.train.Checkpoint;
import vlfer.train.CheckpointStore;

/** Stage 2, build or resume: a new network (text embeddings, encoder, pretrained weights) or the run's last checkpoint. */
final class NetworkStage {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkStage.class);

    private NetworkStage() {
    }

    /** The network to train, its model card (epoch: the last one done, -1 for none) and the first epoch to train. */
    record Network(ComputationGraph graph, ModelCard card, int firstEpoch, CheckpointStore checkpoints) {
    }

    /**
     * How a run starts: fresh (refused over an earlier run's files), fresh after removing them
     * ({@code --overwrite}), from its latest checkpoint, from it even when the settings changed, or
     * from it when there is one and fresh otherwise ({@code --resume-or-start}, for schedulers' retries).
     */
    enum Start {
        FRESH, OVERWRITE, RESUME, RESUME_ANYWAY, RESUME_OR_START;

        boolean resumes() {
            return this == RESUME || this == RESUME_ANYWAY || this == RESUME_OR_START;
        }
    }

    static Network run(RunContext ctx, TrainingSetStage.TrainingSet set, Start start) {
        boolean resume = start.resumes();
        VlferSettings s = ctx.settings();
        Configuration hadoop = ctx.sc().hadoopConfiguration();
        CheckpointStore checkpoints = new CheckpointStore(hadoop, ctx.run().path());
        Optional<String> latest = resume ? checkpoints.latest() : Optional.empty();
        if ((start == Start.RESUME || start == Start.RESUME_ANYWAY) && latest.isEmpty()) {
            throw new IllegalStateException("--resume: run " + s.runId() + " has no checkpoint under " + ctx.run().path()
                    + "/checkpoints (set vlfer.run-id to the run to continue)");
        }
        if (latest.isPresent()) {
            Checkpoint cp = CheckpointStore.load(hadoop, latest.get());
            requireSameSettings(cp, ctx, latest.get(), start == Start.RESUME_ANYWAY);
            LOG.info("resuming run {} from {} (epoch {} done)", s.runId(), latest.get(), cp.card().epoch() + 1);
            return new Network(cp.graph(), cp.card(), cp.card().epoch() + 1, checkpoints);
        }
        LabelVocabulary classes = set.split().vocabulary();
        ClassEmbeddingTable table = TextEmbeddings.encode(s.text(), ctx.method(), classes);
        NetworkFactory factory = new NetworkFactory(s.model(), s.train(), s.seed());
        ComputationGraph graph = factory.create(ctx.method(), table, set.frames(), set.supervision().labelWidth());
        EncoderWeights.load(graph, factory.encoder(), s.model(), hadoop);
        ModelCard card = ModelCard.forNewNetwork(ctx.loaded(), ctx.method(), table, classes, factory.inputSpec(), set.frames());
        LOG.info("network: {} parameters, input {}x{}{}", graph.numParams(), card.input().height(), card.input().width(),
                set.frames() > 1 ? ", " + set.frames() + " frames per clip (features mean-pooled over time)" : "");
        return new Network(graph, card, 0, checkpoints);
    }

    /**
     * A checkpoint continues only the run that made it: the same settings (config hash, secrets and
     * Spark placement aside), or the keys that differ are named, unless the user insists.
     */
    private static void requireSameSettings(Checkpoint cp, RunContext ctx, String path, boolean anyway) {
        if (cp.card().configHash().equals(ctx.loaded().configHash())) {
            return;
        }
        List<String> diff = ConfigDiff.differences(cp.card().resolvedConfig(), ctx.loaded().maskedDump(),
                List.of("vlfer.spark.", "vlfer.run-id"));
        if (diff.isEmpty()) {
            return; // only Spark placement differs
        }
        String what = path + " was made with other settings:\n  " + String.join("\n  ", diff);
        if (!anyway) {
            throw new IllegalStateException("--resume: " + what + "\nresume with the settings it was made with, or add"
                    + " --resume-anyway to continue under the new ones");
        }
        LOG.warn("--resume-anyway: {}", what);
    }
}
