package vlfer.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.DatasetSettings;
import vlfer.config.EvalSettings;
import vlfer.data.DatasetFormats;
import vlfer.data.DatasetReader;
import vlfer.data.ValidationHoldout;
import vlfer.data.DatasetSplit;
import vlfer.model.Supervision;
import vlfer.model.SupervisionSources;

/**
 * Stage 1, read and supervise: the training split as its reader finds it, its images verified
 * (when the method trains) and its classes checked against the evaluated splits, then what the
 * method trains on.
 */
final class TrainingSetStage {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSetStage.class);

    private TrainingSetStage() {
    }

    /** The training set, with {@code frames} per sample (1 for still images). */
    record TrainingSet(Supervision supervision, int frames, DatasetSplit selection) {
        DatasetSplit split() {
            return supervision.train();
        }
    }

    static TrainingSet run(RunContext ctx) {
        DatasetSettings trainSet = ctx.settings().data().trainDataset();
        double budget = ctx.settings().data().maxRejectFraction();
        DatasetReader reader = DatasetFormats.reader(trainSet.format());
        DatasetSplit read = reader.read(trainSet, trainSet.trainSplit(), ctx.files());
        if (ctx.method().trains()) {
            read = TrainingImagesCheck.run(ctx.sc(), read, ctx.settings().data().maxImagePixels());
        }
        ctx.run().recordRejects(read, budget, null);
        DatasetSplit selection = null;
        if (ctx.method().trains()) {
            ClassCoverage.check(ctx.settings(), read, ctx.files());
            EvalSettings eval = ctx.settings().eval();
            if (eval.protocol() == EvalSettings.Protocol.BEST_ON_TEST) {
                selection = reader.read(trainSet, trainSet.evalSplits().get(0), ctx.files());
            } else if (eval.protocol() == EvalSettings.Protocol.BEST_ON_VALIDATION && !trainSet.validationSplit().isEmpty()) {
                selection = reader.read(trainSet, trainSet.validationSplit(), ctx.files());
                ctx.run().recordRejects(selection, budget, null);
            } else if (eval.protocol() == EvalSettings.Protocol.BEST_ON_VALIDATION) {
                ValidationHoldout.Parts parts = ValidationHoldout.split(read, eval.validationFraction(), ctx.settings().seed());
                read = parts.train();
                selection = parts.validation();
            }
            if (selection != null) {
                LOG.info("{}: epochs are chosen on {}/{} ({} faces)", eval.protocol().label(), selection.dataset(),
                        selection.split(), selection.samples().size());
            }
        }
        LOG.info("dataset {}/{}", read.dataset(), read.summary());
        Supervision supervision = ctx.method().supervise(read, new SupervisionSources(ctx.files().root(trainSet), ctx.files(),
                () -> TextEmbeddings.open(ctx.settings().text())));
        if (supervision.news() != null) {
            ctx.run().recordRejects(supervision.train(), budget, supervision.news());
        }
        return new TrainingSet(supervision, supervision.train().video() ? trainSet.segments() : 1, selection);
    }
}
