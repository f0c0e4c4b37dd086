package vlfer.config;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vlfer.data.LabelVocabulary;
import vlfer.data.synth.SynthSettings;
import vlfer.model.loss.LcForm;

/** Maps the resolved configuration onto the settings records, validating every value. */
final class SettingsReader {
    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private SettingsReader() {
    }

    static VlferSettings read(CheckedConfig root, Clock clock, DateTimeFormatter stamp) {
        CheckedConfig c = root.at("vlfer");
        long seed = c.longValue("seed");
        MethodSettings method = method(c.at("method"));
        ModelSettings model = new ModelSettings(c.nonEmptyString("model.encoder"), c.intAtLeast("model.input-size", 0));
        String runId = c.string("run-id");
        if (runId.isBlank()) {
            runId = method.name() + "-" + model.encoder() + "-" + stamp.format(clock.instant());
        } else if (!RUN_ID.matcher(runId).matches()) {
            throw c.invalid("run-id", "letters, digits, '.', '_' or '-' (it names a folder and a partition)", runId);
        }
        return new VlferSettings(
                runId,
                seed,
                new OutputSettings(c.nonEmptyString("output.dir"), c.bool("output.predictions")),
                synth(c.at("synth"), seed),
                data(c.at("data")),
                augment(c.at("augment")),
                new TextSettings(c.nonEmptyString("text.encoder")),
                model,
                method,
                train(c.at("train")),
                new SparkSettings(c.nonEmptyString("spark.app-name"), c.stringMap("spark.conf")));
    }

    private static SynthConfig synth(CheckedConfig s, long seed) {
        double minIntensity = s.doubleIn("min-intensity", 0, 1);
        double maxIntensity = s.doubleIn("max-intensity", minIntensity, 1);
        SynthSettings generator = new SynthSettings(
                seed,
                s.intAtLeast("train-per-class", 1),
                s.intAtLeast("test-per-class", 1),
                s.intAtLeast("image-size", 32),
                s.doubleIn("label-noise", 0, 0.5),
                minIntensity,
                maxIntensity,
                s.doubleIn("max-roll-degrees", 0, 45),
                s.doubleIn("max-yaw", 0, 0.5),
                s.doubleIn("lighting", 0, 1),
                s.doubleIn("blur-probability", 0, 1),
                s.doubleIn("noise-sigma", 0, 64),
                s.doubleIn("occluder-probability", 0, 1),
                LabelVocabulary.BASIC_7);
        return new SynthConfig(s.nonEmptyString("dir"), generator);
    }

    private static DataSettings data(CheckedConfig d) {
        Map<String, DatasetSettings> datasets = new LinkedHashMap<>();
        for (String name : d.raw().getConfig("datasets").root().keySet()) {
            CheckedConfig e = d.at("datasets." + com.typesafe.config.ConfigUtil.quoteString(name));
            datasets.put(name, new DatasetSettings(name,
                    e.nonEmptyString("format"),
                    e.nonEmptyString("root"),
                    e.nonEmptyString("train-split"),
                    e.stringList("eval-splits")));
        }
        String train = d.nonEmptyString("train");
        List<String> evaluate = d.stringList("evaluate");
        for (String name : concat(train, evaluate)) {
            if (!datasets.containsKey(name)) {
                throw d.invalid(name.equals(train) ? "train" : "evaluate",
                        "names of datasets declared under vlfer.data.datasets " + datasets.keySet(), name);
            }
        }
        return new DataSettings(train, evaluate, d.doubleIn("max-reject-fraction", 0, 1), datasets);
    }

    private static List<String> concat(String first, List<String> rest) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static AugmentSettings augment(CheckedConfig a) {
        double minArea = a.doubleIn("erasing-min-area", 0, 1);
        return new AugmentSettings(
                a.intAtLeast("crop-padding", 0),
                a.doubleIn("crop-probability", 0, 1),
                a.doubleIn("flip-probability", 0, 1),
                a.doubleIn("erasing-probability", 0, 1),
                minArea,
                a.doubleIn("erasing-max-area", minArea, 1));
    }

    private static MethodSettings method(CheckedConfig m) {
        String name = m.nonEmptyString("name");
        CheckedConfig k = m.at("ke2nt");
        Ke2ntSettings ke2nt = new Ke2ntSettings(
                k.doubleIn("logit-scale", 1e-3, 1e4),
                k.intAtLeast("neutral-hidden", 1),
                k.doubleIn("ls", 0, 1e3),
                k.doubleIn("lt", 0, 1e3),
                k.doubleIn("lc", 0, 1e3),
                k.enumValue("lc-form", LcForm.class));
        return new MethodSettings(name, ke2nt);
    }

    private static TrainSettings train(CheckedConfig t) {
        int epochs = t.intAtLeast("epochs", 1);
        int warmup = t.intAtLeast("warmup-epochs", 0);
        if (warmup >= epochs && epochs > 1) {
            throw t.invalid("warmup-epochs", "fewer warm-up epochs than epochs (" + epochs + ")", Integer.toString(warmup));
        }
        return new TrainSettings(
                epochs,
                t.intAtLeast("batch-size-per-worker", 1),
                t.intAtLeast("averaging-frequency", 1),
                t.intAtLeast("prefetch-batches", 0),
                t.intAtLeast("workers", 0),
                t.doubleIn("learning-rate", 0, 10),
                t.doubleIn("momentum", 0, 0.9999),
                t.doubleIn("weight-decay", 0, 1),
                warmup,
                t.doubleIn("warmup-learning-rate", 0, 10),
                t.doubleIn("min-learning-rate", 0, 10),
                t.enumValue("rdd-approach", TrainSettings.RddApproach.class));
    }
}
