package vlfer.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vlfer.config.CheckedConfig;
import vlfer.config.TextSettings;

/**
 * The named sentence encoders ({@code vlfer.text.encoder}); all of them load without a network.
 * A user's own ONNX file is {@code onnx-file} (see {@link TextEncoderSpec#userFiles}); CLIP's text
 * tower from the user's OpenAI CLIP weights is {@code clip-text} ({@link TextEncoderSpec#clipText}).
 */
public final class TextEncoderRegistry {
    private static final Map<String, TextEncoderSpec> SPECS = new TreeMap<>();

    static {
        for (TextEncoderSpec s : List.of(
                // sentence-transformers/all-MiniLM-L6-v2, shipped as resources of a Maven jar
                TextEncoderSpec.builtIn("all-minilm-l6-v2", TextEncoderSpec.CLASSPATH + "all-minilm-l6-v2.onnx",
                        TextEncoderSpec.CLASSPATH + "all-minilm-l6-v2-tokenizer.json", TextEncoderSpec.Pooling.MEAN, 128),
                // BAAI/bge-small-en-v1.5 (Maven jar resources): [CLS] state, 512 positions
                TextEncoderSpec.builtIn("bge-small-en-v1.5", TextEncoderSpec.CLASSPATH + "bge-small-en-v1.5.onnx",
                        TextEncoderSpec.CLASSPATH + "bge-small-en-v1.5-tokenizer.json", TextEncoderSpec.Pooling.CLS, 512))) {
            SPECS.put(s.name(), s);
        }
    }

    private TextEncoderRegistry() {
    }

    public static TextEncoderSpec get(String name) {
        TextEncoderSpec s = SPECS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown text encoder '" + name + "' (vlfer.text.encoder); known: " + SPECS.keySet()
                    + " or " + TextEncoderSpec.USER_FILES + " (your own ONNX file, vlfer.text.onnx-file)");
        }
        return s;
    }

    /**
     * The spec {@code vlfer.text.encoder} names: a registry entry, or the user's own ONNX and tokenizer
     * files ({@code onnx-file}), which must exist. Errors name the key and where its value came from.
     */
    public static TextEncoderSpec spec(TextSettings text) {
        CheckedConfig t = text.block();
        String encoder = text.encoder();
        if (SPECS.containsKey(encoder)) {
            return SPECS.get(encoder);
        }
        if (encoder.equals(TextEncoderSpec.CLIP_TEXT)) {
            CheckedConfig c = t.at("clip-text");
            return TextEncoderSpec.clipText(existingFile(c, "weights", "OpenAI CLIP state dict (.npz or TorchScript)", encoder),
                    existingFile(c, "tokenizer", "CLIP tokenizer.json", encoder), c.intAtLeast("heads", 0));
        }
        if (!encoder.equals(TextEncoderSpec.USER_FILES)) {
            throw t.invalid("encoder", "one of " + SPECS.keySet() + ", " + TextEncoderSpec.USER_FILES
                    + " (your own ONNX file, vlfer.text.onnx-file) or " + TextEncoderSpec.CLIP_TEXT
                    + " (CLIP's text tower from your CLIP weights, vlfer.text.clip-text)", encoder);
        }
        CheckedConfig f = t.at("onnx-file");
        return TextEncoderSpec.userFiles(existingFile(f, "model", "ONNX file", encoder),
                existingFile(f, "tokenizer", "HuggingFace tokenizer.json", encoder),
                f.enumValue("pooling", TextEncoderSpec.Pooling.class), f.intAtLeast("max-tokens", 1), f.string("output"));
    }

    /** A local file that vlfer.text.encoder = onnx-file or clip-text reads: set, and there. */
    private static String existingFile(CheckedConfig f, String key, String what, String encoder) {
        String path = f.string(key);
        if (path.isBlank()) {
            throw f.invalid(key, "the path of your " + what + " (vlfer.text.encoder = " + encoder + " reads it)", "\"\"");
        }
        if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(path))) {
            throw f.invalid(key, "an existing " + what, path + " (no such file: " + java.nio.file.Path.of(path).toAbsolutePath() + ")");
        }
        return path;
    }

    /** The registry's names (without {@code onnx-file}). */
    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(SPECS.keySet());
    }
}
