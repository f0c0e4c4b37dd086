package vlfer.text;

/**
 * How to build a sentence encoder: an ONNX model and its HuggingFace tokenizer file (each a
 * class-path resource or a file path), how to pool token states, and the token limit.
 */
public record TextEncoderSpec(String name, String modelSource, String tokenizerSource, Pooling pooling, int maxTokens) {

    /** Token pooling: mean over the attention mask (sentence-transformers), or the first (CLS) token. */
    public enum Pooling { MEAN, CLS }

    /** "classpath:" sources are resources; anything else is a file path. */
    public static final String CLASSPATH = "classpath:";
}
