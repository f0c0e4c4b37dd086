package vlfer.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vlfer.data.LabelVocabulary;
import vlfer.data.synth.SynthSettings;
import vlfer.interop.WeightFormat;
import vlfer.model.encoder.vit.VitShape;
import vlfer.text.TextEncoderRegistry;
import vlfer.text.TextEncoderSpec;

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
                new SparkSettings(c.nonEmptyString("spark.app-name"), c.stringMap("spark.conf")));
    }

    private static ModelSettings model(CheckedConfig m) {
        String encoder = m.nonEmptyString("encoder");
        int inputSize = m.intAtLeast("input-size", 0);
        CheckedConfig v = m.at("vit");
        int patch = v.intAtLeast("patch", 1);
        int width = v.intAtLeast("width", 1);
        int layers = v.intAtLeast("layers", 1);
        int heads = v.intAtLeast("heads", 1);
        int outputDim = v.intAtLeast("output-dim", 1);
        int side = inputSize > 0 ? inputSize : VitShape.B16.imageSize();
        VitShape vit = VitShape.B16;
        if (encoder.equals("clip-vit")) {
            try {
                vit = new VitShape(side, patch, width, layers, heads, outputDim);
            } catch (IllegalArgumentException e) {
                throw m.invalid("vit", "a consistent ViT shape with vlfer.model.input-size (" + side + ")", e.getMessage());
            }
        } else if (encoder.startsWith("clip-vit-b")) {
            int fixedPatch = encoder.equals("clip-vit-b32") ? VitShape.B32.patch() : VitShape.B16.patch();
            if (side % fixedPatch != 0) {
                throw m.invalid("input-size", "a multiple of " + encoder + "'s patch side " + fixedPatch + " (224 for "
                        + "OpenAI's weights)", Integer.toString(inputSize));
            }
        }
        String weights = m.string("weights");
        if (!weights.isBlank()) {
            try {
                WeightFormat.of(weights);
            } catch (IllegalArgumentException e) {
                throw m.invalid("weights", "a .npz state dict or a TorchScript archive (or \"\" for none)", e.getMessage());
            }
            String local = weights.startsWith("file:") ? weights.replaceFirst("^file:(//)?", "") : weights;
            if (!local.contains("://") && !Files.isRegularFile(Path.of(local))) {
                throw m.invalid("weights", "an existing .npz state dict or TorchScript archive (or \"\" for none)",
                        weights + " (no such file: " + Path.of(local).toAbsolutePath() + ")");
            }
        }
        return new ModelSettings(encoder, inputSize, weights, m.string("weights-prefix"), vit);
    }

    private static TextSettings text(CheckedConfig t) {
        String encoder = t.nonEmptyString("encoder");
        CheckedConfig f = t.at("onnx-file");
        TextEncoderSpec.Pooling pooling = f.enumValue("pooling", TextEncoderSpec.Pooling.class);
        int maxTokens = f.intAtLeast("max-tokens", 1);
        String output = f.string("output");
        TextEncoderSpec spec;
        if (encoder.equals(TextEncoderSpec.USER_FILES)) {
            spec = TextEncoderSpec.userFiles(existingFile(f, "model", "ONNX file"), existingFile(f, "tokenizer",
                    "HuggingFace tokenizer.json"), pooling, maxTokens, output);
        } else if (TextEncoderRegistry.names().contains(encoder)) {
            spec = TextEncoderRegistry.get(encoder);
        } else {
            throw t.invalid("encoder", "one of " + TextEncoderRegistry.names() + " or " + TextEncoderSpec.USER_FILES
                    + " (your own ONNX file, vlfer.text.onnx-file)", encoder);
        }
        return new TextSettings(spec, t.string("cache-dir"));
    }

    /** A local file that vlfer.text.encoder = onnx-file reads: set, and there. */
    private static String existingFile(CheckedConfig f, String key, String what) {
        String path = f.string(key);
        if (path.isBlank()) {
            throw f.invalid(key, "the path of your " + what + " (vlfer.text.encoder = onnx-file reads it)", "\"\"");
        }
        if (!Files.isRegularFile(Path.of(path))) {
            throw f.invalid(key, "an existing " + what, path + " (no such file: " + Path.of(path).toAbsolutePath() + ")");
        }
        return path;
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
        String layout = s.nonEmptyString("layout");
        if (!vlfer.data.DatasetFormats.names().contains(layout)) {
            throw s.invalid("layout", "one of " + vlfer.data.DatasetFormats.names(), layout);
        }
        return new SynthConfig(s.nonEmptyString("dir"), layout, generator);
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
        return new DataSettings(train, evaluate, d.doubleIn("max-reject-fraction", 0, 1), datasets);
    }

    /** One dataset entry (template defaults already filled in). */
    static DatasetSettings dataset(CheckedConfig e, String name) {
        String manifest = e.string("manifest");
        String origin = manifest.isEmpty() ? "configuration" : "manifest " + Manifests.describe(manifest);
        String format = e.nonEmptyString("format");
        if (!vlfer.data.DatasetFormats.names().contains(format)) {
            throw e.invalid("format", "one of the dataset formats " + vlfer.data.DatasetFormats.names() + " (" + origin + ")", format);
        }
        return new DatasetSettings(name, format, e.nonEmptyString("root"), e.nonEmptyString("train-split"),
                e.stringList("eval-splits"), classes(e), labelMapName(e), labelMapTable(e), e.intAtLeast("fold", 0),
                e.intAtLeast("segments", 1), e.stringMap("options"), origin);
    }

    private static LabelVocabulary classes(CheckedConfig e) {
        com.typesafe.config.ConfigValue v = e.raw().getValue("classes");
        try {
            if (v.valueType() == com.typesafe.config.ConfigValueType.LIST) {
                return LabelVocabulary.parse(e.stringList("classes"));
            }
            String name = e.string("classes");
            return name.isEmpty() ? null : LabelVocabulary.named(name);
        } catch (IllegalArgumentException ex) {
            throw e.invalid("classes", "basic-7, basic-8, mafw-11 or a list of class names (" + ex.getMessage() + ")",
                    v.render(com.typesafe.config.ConfigRenderOptions.concise()));
        }
    }

    private static String labelMapName(CheckedConfig e) {
        com.typesafe.config.ConfigValue v = e.raw().getValue("label-map");
        if (v.valueType() == com.typesafe.config.ConfigValueType.OBJECT) {
            return "";
        }
        String name = e.string("label-map");
        if (!name.isEmpty()) {
            try {
                vlfer.data.labels.LabelMaps.named(name);
            } catch (IllegalArgumentException ex) {
                throw e.invalid("label-map", ex.getMessage(), name);
            }
        }
        return name;
    }

    private static Map<String, String> labelMapTable(CheckedConfig e) {
        com.typesafe.config.ConfigValue v = e.raw().getValue("label-map");
        if (v.valueType() != com.typesafe.config.ConfigValueType.OBJECT) {
            return Map.of();
        }
        Map<String, String> table = new LinkedHashMap<>(e.stringMap("label-map"));
        for (Map.Entry<String, String> t : table.entrySet()) {
            if (!t.getValue().equals("-")) {
                try {
                    vlfer.data.Expression.fromNoun(t.getValue());
                } catch (IllegalArgumentException ex) {
                    throw e.invalid("label-map." + t.getKey(), "a class name or \"-\" (excluded)", t.getValue());
                }
            }
        }
        return table;
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
                t.doubleIn("min-learning-rate", 0, 10));
    }
}
