package vlfer.config;

import java.io.Serializable;
import vlfer.text.TextEncoderSpec;

/**
 * The text side: the spec {@code vlfer.text.encoder} resolves to (a registry entry, or the user's
 * own files for {@code onnx-file}), and where its results are cached ("" = nowhere).
 */
public record TextSettings(TextEncoderSpec spec, String cacheDir) implements Serializable {
}
