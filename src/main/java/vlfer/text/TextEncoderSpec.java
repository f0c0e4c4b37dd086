package vlfer.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How to build a sentence encoder: which engine runs it, its model file and HuggingFace tokenizer
 * file (each a class-path resource or a file path), which graph output to read ("" = its only one),
 * how to pool it, the token limit, the attention heads (CLIP_TEXT only; 0 = width / 64), and the
 * configuration key the files came from (named in every error).
 */
public record TextEncoderSpec(String name, Engine engine, String modelSource, String tokenizerSource, Pooling pooling,
                              int maxTokens, String output, int heads, String configKey) implements Serializable {

    /**
     * ONNX: an ONNX graph run by ONNX Runtime. CLIP_TEXT: an OpenAI CLIP state dict whose text tower
     * vlfer runs as its own DL4J graph ({@code vlfer.model.text.ClipTextTransformer}); its pooling
     * is CLIP's (the end-of-text token, projected) and its token limit the model's context.
     */
    public enum Engine { ONNX, CLIP_TEXT }

    /**
     * How the graph output becomes one vector per text (then L2-normalised). MEAN: mean over the
     * attention mask (sentence-transformers). CLS: the first token's state (BERT [CLS], bge). EOS:
     * the last token the attention mask keeps, i.e. the end-of-text token the tokenizer appends;
     * for CLIP that is the highest token id, the position CLIP's own argmax picks. NONE: the output
     * already is one vector per text, shape [1, D] (e.g. CLIP's text_embeds).
     */
    public enum Pooling { MEAN, CLS, EOS, NONE }

    /** "classpath:" sources are resources; anything else is a file path. */
    public static final String CLASSPATH = "classpath:";

    /** The {@code vlfer.text.encoder} value that selects {@link #userFiles}. */
    public static final String USER_FILES = "onnx-file";

    /** The block of keys describing a user's files. */
    public static final String USER_FILES_KEY = "vlfer.text.onnx-file";

    /** The {@code vlfer.text.encoder} value that selects {@link #clipText}. */
    public static final String CLIP_TEXT = "clip-text";

    /** The block of keys describing CLIP's text tower. */
    public static final String CLIP_TEXT_KEY = "vlfer.text.clip-text";

    private static final String REGISTRY_KEY = "vlfer.text.encoder";

    /** A registry entry: shipped resources, a graph with one output. */
    public static TextEncoderSpec builtIn(String name, String modelSource, String tokenizerSource, Pooling pooling,
                                          int maxTokens) {
        return new TextEncoderSpec(name, Engine.ONNX, modelSource, tokenizerSource, pooling, maxTokens, "", 0, REGISTRY_KEY);
    }

    /** A user's ONNX file and tokenizer.json, named after the model file ("onnx-file:clip-text.onnx"). */
    public static TextEncoderSpec userFiles(String model, String tokenizer, Pooling pooling, int maxTokens, String output) {
        return new TextEncoderSpec(USER_FILES + ":" + Path.of(model).getFileName(), Engine.ONNX, model, tokenizer, pooling,
                maxTokens, output, 0, USER_FILES_KEY);
    }

    /** CLIP's text tower from an OpenAI state dict and CLIP's tokenizer.json, named after the weights ("clip-text:ViT-B-16.npz"). */
    public static TextEncoderSpec clipText(String weights, String tokenizer, int heads) {
        return new TextEncoderSpec(CLIP_TEXT + ":" + Path.of(weights).getFileName(), Engine.CLIP_TEXT, weights, tokenizer,
                Pooling.EOS, 0, "", heads, CLIP_TEXT_KEY);
    }

    /** Opens {@code source}, one of this spec's files: a class-path resource or a local file. */
    public static InputStream open(String source) throws IOException {
        if (source.startsWith(CLASSPATH)) {
            String resource = source.substring(CLASSPATH.length());
            InputStream in = TextEncoderSpec.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("class-path resource " + resource + " not found (is its Maven jar on the class"
                        + " path? On a cluster the text models ship in the driver-only vlfer-*-text-models.jar, which"
                        + " deploy/spark-submit.sh puts on the driver's class path)");
            }
            return in;
        }
        Path p = Path.of(source);
        if (!Files.isRegularFile(p)) {
            throw new IOException("file " + p.toAbsolutePath() + " does not exist");
        }
        return Files.newInputStream(p);
    }

    /**
     * A setting as errors name it: "vlfer.text.onnx-file.model = /x/clip.onnx" for a user's files,
     * "vlfer.text.encoder = bge-small-en-v1.5 (its model classpath:...)" for a registry entry.
     */
    public String setting(String key, Object value) {
        if (configKey.equals(REGISTRY_KEY)) {
            return REGISTRY_KEY + " = " + name + " (its " + key + " " + value + ")";
        }
        return configKey + "." + key + " = " + value;
    }
}
