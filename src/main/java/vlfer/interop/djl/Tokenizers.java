package vlfer.interop.djl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import vlfer.text.TextEncoderSpec;

/** A text encoder's HuggingFace tokenizer, read from its tokenizer.json (never fetched by hub name). */
final class Tokenizers {
    private Tokenizers() {
    }

    /** The spec's tokenizer, unpadded, truncating to {@code maxTokens} (special tokens included); errors name the setting. */
    static HuggingFaceTokenizer open(TextEncoderSpec spec, int maxTokens) {
        String where = spec.setting("tokenizer", spec.tokenizerSource());
        try (InputStream tok = TextEncoderSpec.open(spec.tokenizerSource())) {
            // shipped tokenizer.json files may pad every input (MiniLM: to 128): turn that off, keep truncation
            return HuggingFaceTokenizer.newInstance(tok, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", Integer.toString(maxTokens)));
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot read the tokenizer: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": not a HuggingFace tokenizer.json: " + e.getMessage(), e);
        }
    }
}
