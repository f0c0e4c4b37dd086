package vlfer.config;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps the resolved configuration onto the settings records, validating every value. */
final class SettingsReader {
    private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private SettingsReader() {
    }

    static VlferSettings read(CheckedConfig root, Clock clock, DateTimeFormatter stamp) {
        CheckedConfig c = root.at("vlfer");
        long seed = c.longValue("seed");
        MethodSettings method = method(c.at("method"));
        ModelSettings model = model(c.at("model"));
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
                text(c.at("text")),
                model,
                method,
                train(c.at("train")),
                new EvalSettings(c.at("eval").enumValue("protocol", EvalSettings.Protocol.class),
                        c.at("eval").doubleIn("validation-fraction", 0.01, 0.5)),
                new SparkSettings(c.nonEmptyString("spark.app-name"), c.stringMap("spark.conf")));
    }

    /** The encoder-independent model values; the encoder's registry entry checks the rest (vlfer.model.vit). */
    private static ModelSettings model(CheckedConfig m) {
        return new ModelSettings(m.nonEmptyString("encoder"), m.intAtLeast("input-size", 0), m.string("weights"),
                m.string("weights-prefix"), m);
    }

    /** The text encoder's name; the text registry resolves it (and vlfer.text.onnx-file for the user's own files). */
    private static TextSettings text(CheckedConfig t) {
        return new TextSettings(t.nonEmptyString("encoder"), t.string("cache-dir"), t);
    }

    /** Where the synthetic faces go; the generator reads how they are drawn from the block. */
    private static SynthConfig synth(CheckedConfig s, long seed) {
        return new SynthConfig(s.nonEmptyString("dir"), s.nonEmptyString("layout"), seed, s);
    }

    private static DataSettings data(CheckedConfig d) {
        Map<String, DatasetSettings> datasets = new LinkedHashMap<>();
        for (String name : d.raw().getConfig("datasets").root().keySet()) {
            datasets.put(name, dataset(d.at("datasets." + com.typesafe.config.ConfigUtil.quoteString(name)), name));
        }
        String train = d.nonEmptyString("train");
        List<String> evaluate = d.stringList("evaluate");
        for (String name : concat(train, evaluate)) {
            if (!datasets.containsKey(name)) {
                throw d.invalid(name.equals(train) ? "train" : "evaluate",
                        "names of datasets declared under vlfer.data.datasets " + datasets.keySet(), name);
            }
        }
        return new DataSettings(train, evaluate, d.doubleIn("max-reject-fraction", 0, 1), datasets,
                d.intAtLeast("max-image-megapixels", 1) * 1_000_000L, d.bool("allow-missing-classes"));
    }

    /** One dataset entry (template defaults already filled in). */
    static DatasetSettings dataset(CheckedConfig e, String name) {
        String manifest = e.string("manifest");
        String origin = manifest.isEmpty() ? "configuration" : "manifest " + Manifests.describe(manifest);
        String format = e.nonEmptyString("format");
        return new DatasetSettings(name, format, e.nonEmptyString("root"), e.nonEmptyString("train-split"), e.string("validation-split"),
                e.stringList("eval-splits"), classes(e), labelMapName(e), labelMapTable(e), e.intAtLeast("fold", 0),
                e.intAtLeast("segments", 1), e.stringMap("options"), origin,
                e.bool("follow-links-outside-root"));
    }

    /** The class subset as configured: a name (basic-7) or a list of class names; the data package resolves it. */
    private static List<String> classes(CheckedConfig e) {
        com.typesafe.config.ConfigValue v = e.raw().getValue("classes");
        if (v.valueType() == com.typesafe.config.ConfigValueType.LIST) {
            return e.stringList("classes");
        }
        String name = e.string("classes");
        return name.isEmpty() ? List.of() : List.of(name);
    }

    private static String labelMapName(CheckedConfig e) {
        com.typesafe.config.ConfigValue v = e.raw().getValue("label-map");
        return v.valueType() == com.typesafe.config.ConfigValueType.OBJECT ? "" : e.string("label-map");
    }

    private static Map<String, String> labelMapTable(CheckedConfig e) {
        com.typesafe.config.ConfigValue v = e.raw().getValue("label-map");
        return v.valueType() == com.typesafe.config.ConfigValueType.OBJECT ? e.stringMap("label-map") : Map.of();
    }

    private static List<String> concat(String first, List<String> rest) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static AugmentSettings augment(CheckedConfig a) {
        double minArea = a.doubleIn("erasing-min-area", 0, 1);
        double minScale = a.doubleIn("resized-crop-min-scale", 0.05, 1);
        return new AugmentSettings(
                a.intAtLeast("crop-padding", 0),
                a.doubleIn("crop-probability", 0, 1),
                a.doubleIn("flip-probability", 0, 1),
                a.doubleIn("erasing-probability", 0, 1),
                minArea,
                a.doubleIn("erasing-max-area", minArea, 1),
                a.doubleIn("resized-crop-probability", 0, 1),
                minScale,
                a.doubleIn("resized-crop-max-scale", minScale, 1),
                a.doubleIn("jitter-probability", 0, 1),
                a.doubleIn("brightness", 0, 1),
                a.doubleIn("contrast", 0, 1),
                a.doubleIn("saturation", 0, 1));
    }

    private static MethodSettings method(CheckedConfig m) {
        return new MethodSettings(m.nonEmptyString("name"), m);
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
                t.intAtLeast("workers", 0),
                t.doubleIn("learning-rate", 0, 10),
                t.doubleIn("momentum", 0, 0.9999),
                t.doubleIn("weight-decay", 0, 1),
                warmup,
                t.doubleIn("warmup-learning-rate", 0, 10),
                t.doubleIn("min-learning-rate", 0, 10),
                t.enumValue("optimizer", TrainSettings.Optimizer.class),
                t.doubleIn("adam.beta1", 0, 0.9999),
                t.doubleIn("adam.beta2", 0, 0.999999),
                t.doubleIn("adam.epsilon", 1e-12, 1),
                t.intAtLeast("restart-epochs", 0));
    }
}
