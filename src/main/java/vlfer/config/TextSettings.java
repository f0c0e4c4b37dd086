package vlfer.config;

/**
 * The text side: the sentence encoder by name ({@code vlfer.text.encoder}), and where its results
 * are cached ("" = nowhere). {@code block} is {@code vlfer.text}, from which the text registry resolves
 * the name (a built-in entry, or {@code onnx-file}: the user's own files under {@code onnx-file.*}).
 */
public record TextSettings(String encoder, String cacheDir, CheckedConfig block) {
}
