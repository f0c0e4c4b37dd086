package vlfer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.text.TextEncoderSpec.Pooling;

class TextEncoderFingerprintTest {
    @TempDir
    Path dir;

    private TextEncoderSpec spec(Pooling pooling) {
        return TextEncoderSpec.userFiles(dir.resolve("text.onnx").toString(), dir.resolve("tokenizer.json").toString(),
                pooling, 77, "");
    }

    @Test
    void followsTheFileContentsNotJustTheirNames() throws IOException {
        Files.writeString(dir.resolve("text.onnx"), "graph one");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        String first = TextEncoderFingerprint.of(spec(Pooling.EOS));
        assertEquals(first, TextEncoderFingerprint.of(spec(Pooling.EOS)));
        assertEquals(64, first.length());

        Files.writeString(dir.resolve("text.onnx"), "graph two");
        assertNotEquals(first, TextEncoderFingerprint.of(spec(Pooling.EOS)), "another graph under the same name");
        String second = TextEncoderFingerprint.of(spec(Pooling.EOS));
        Files.writeString(dir.resolve("tokenizer.json"), "{ }");
        assertNotEquals(second, TextEncoderFingerprint.of(spec(Pooling.EOS)), "another tokenizer");
    }

    @Test
    void followsTheSettings() throws IOException {
        Files.writeString(dir.resolve("text.onnx"), "graph");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        assertNotEquals(TextEncoderFingerprint.of(spec(Pooling.EOS)), TextEncoderFingerprint.of(spec(Pooling.MEAN)));
    }

    @Test
    void clipTextFollowsItsHeadsAndIsNotTheOnnxPathOnTheSameFiles() throws IOException {
        Files.writeString(dir.resolve("text.onnx"), "weights");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        String weights = dir.resolve("text.onnx").toString();
        String tokenizer = dir.resolve("tokenizer.json").toString();
        String eightHeads = TextEncoderFingerprint.of(TextEncoderSpec.clipText(weights, tokenizer, 8));
        assertEquals(eightHeads, TextEncoderFingerprint.of(TextEncoderSpec.clipText(weights, tokenizer, 8)));
        assertNotEquals(eightHeads, TextEncoderFingerprint.of(TextEncoderSpec.clipText(weights, tokenizer, 0)));
        assertNotEquals(eightHeads, TextEncoderFingerprint.of(spec(Pooling.EOS)));
    }

    @Test
    void registryEntriesNeedNoFileAndAMissingUserFileIsNamed() {
        TextEncoderSpec bge = TextEncoderRegistry.get("bge-small-en-v1.5");
        assertEquals(TextEncoderFingerprint.of(bge), TextEncoderFingerprint.of(bge));
        String msg = assertThrows(UncheckedIOException.class, () -> TextEncoderFingerprint.of(spec(Pooling.EOS))).getMessage();
        assertTrue(msg.contains("vlfer.text.onnx-file.model = " + dir.resolve("text.onnx")), msg);
    }
}
