package vlfer.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two encoders' outputs the same: a SHA-256 over the spec's settings and the bytes of
 * every file it reads, shipped class-path resources included (an upgraded jar is another encoder).
 * Keys the text-embedding cache, so a different ONNX file at the same path, or other pooling, is a
 * miss.
 */
public final class TextEncoderFingerprint {
    private TextEncoderFingerprint() {
    }

    public static String of(TextEncoderSpec spec) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String settings = String.join("\u0000", spec.name(), spec.pooling().name(), Integer.toString(spec.maxTokens()),
                    spec.output(), spec.modelSource(), spec.tokenizerSource());
            if (spec.engine() != TextEncoderSpec.Engine.ONNX) {
                // only other engines add to the string, so the ONNX encoders' cached embeddings stay valid
                settings += "\u0000" + spec.engine() + "\u0000" + spec.heads();
            }
            md.update(settings.getBytes(StandardCharsets.UTF_8));
            addFile(md, spec, "model", spec.modelSource());
            addFile(md, spec, "tokenizer", spec.tokenizerSource());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addFile(MessageDigest md, TextEncoderSpec spec, String key, String source) {
        md.update((byte) 0);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = TextEncoderSpec.open(source)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(spec.setting(key, source) + ": cannot read: " + e.getMessage(), e);
        }
    }
}
