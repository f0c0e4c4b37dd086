package vlfer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.config.SettingsLoader;
import vlfer.config.TextSettings;
import vlfer.interop.djl.TextEncoders;

/**
 * {@code vlfer.text.encoder = onnx-file} with a tiny CLIP-style text tower (random weights, causal
 * mask, EOS pooling, projection to 8-d; inputs input_ids and attention_mask only) and its hand-made
 * tokenizer.json, written with torch's reference outputs by src/test/python/tiny_clip_text.py,
 * loaded through a conf file as a user would.
 */
class UserOnnxTextEncoderTest {
    private static final String FIXTURES = "/vlfer/text/tiny-clip-text/";

    @TempDir
    Path dir;

    private static String fixture(String name) {
        try {
            return Path.of(UserOnnxTextEncoderTest.class.getResource(FIXTURES + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text settings of a conf file that selects onnx-file with these keys under vlfer.text.onnx-file. */
    private TextSettings settings(String model, String tokenizer, String output, String pooling) throws IOException {
        Path conf = dir.resolve("user-encoder.conf");
        Files.writeString(conf, "vlfer.text {\n  encoder = onnx-file\n  onnx-file {\n"
                + "    model = \"" + model + "\"\n    tokenizer = \"" + tokenizer + "\"\n"
                + "    output = \"" + output + "\"\n    pooling = " + pooling + "\n    max-tokens = 16\n  }\n}\n");
        return new SettingsLoader().load(conf, List.of()).settings().text();
    }

    private TextEncoder open(String output, String pooling) throws IOException {
        return TextEncoders.open(TextEncoderRegistry.spec(settings(fixture("tiny-clip-text.onnx"), fixture("tokenizer.json"), output, pooling)));
    }

    private String openError(String model, String tokenizer, String output, String pooling) throws IOException {
        TextEncoderSpec spec = TextEncoderRegistry.spec(settings(model, tokenizer, output, pooling));
        return assertThrows(IllegalArgumentException.class, () -> TextEncoders.open(spec).close()).getMessage();
    }

    @Test
    void matchesTorchForEachOutputAndPooling() throws IOException {
        List<ReferenceVectors.Row> rows = ReferenceVectors.read(FIXTURES + "reference.tsv");
        for (String kind : List.of("text_embeds:none", "last_hidden_state:eos", "last_hidden_state:mean",
                "last_hidden_state:cls")) {
            List<ReferenceVectors.Row> own = rows.stream().filter(r -> r.kind().equals(kind)).toList();
            assertEquals(6, own.size(), kind);
            String[] outputPooling = kind.split(":");
            try (TextEncoder encoder = open(outputPooling[0], outputPooling[1])) {
                assertEquals(kind.startsWith("text_embeds") ? 8 : 16, encoder.dimension(), kind);
                assertEquals("onnx-file:tiny-clip-text.onnx", encoder.name());
                double diff = ReferenceVectors.maxAbsDifference(encoder, own);
                System.out.println("tiny CLIP text tower, " + kind + ": max |DJL - torch float64| = " + diff);
                assertTrue(diff < 1e-4, kind + ": max abs difference " + diff);
            }
        }
    }

    @Test
    void embeddingsAreUnitLengthAndIndependentOfTheBatch() throws IOException {
        try (TextEncoder encoder = open("text_embeds", "none")) {
            EncoderChecks.unitLengthAndBatchIndependent(encoder, List.of("a happy face", "sad", "an expression of anger."));
        }
    }

    @Test
    void outputsThatDoNotFitNameTheKeyAndTheFile() throws IOException {
        String model = fixture("tiny-clip-text.onnx");
        String tokenizer = fixture("tokenizer.json");
        String unnamed = openError(model, tokenizer, "", "eos");
        assertTrue(unnamed.contains("vlfer.text.onnx-file.output = \"\"") && unnamed.contains(model)
                && unnamed.contains("[text_embeds, last_hidden_state]"), unnamed);
        String typo = openError(model, tokenizer, "text_embed", "none");
        assertTrue(typo.contains("vlfer.text.onnx-file.output = text_embed") && typo.contains("text_embeds"), typo);
        String pooledTwice = openError(model, tokenizer, "text_embeds", "eos");
        assertTrue(pooledTwice.contains("vlfer.text.onnx-file.pooling = eos") && pooledTwice.contains("(1, 8)")
                && pooledTwice.contains("use pooling none"), pooledTwice);
        String notPooled = openError(model, tokenizer, "last_hidden_state", "none");
        assertTrue(notPooled.contains("vlfer.text.onnx-file.pooling = none") && notPooled.contains("(1, 3, 16)"), notPooled);
    }

    @Test
    void filesThatAreNotATextEncoderNameTheKeyAndTheFile() throws IOException {
        String tokenizer = fixture("tokenizer.json");
        String image = fixture("not-a-text-encoder.onnx");
        String inputs = openError(image, tokenizer, "", "none");
        assertTrue(inputs.contains("vlfer.text.onnx-file.model = " + image) && inputs.contains("[pixel_values]"), inputs);

        Path garbage = Files.write(dir.resolve("garbage.onnx"), new byte[]{1, 2, 3, 4, 5});
        String notOnnx = openError(garbage.toString(), tokenizer, "", "eos");
        assertTrue(notOnnx.contains("vlfer.text.onnx-file.model = " + garbage) && notOnnx.contains("not an ONNX graph"), notOnnx);

        Path notJson = Files.writeString(dir.resolve("tokenizer.json"), "not json");
        String badTokenizer = openError(fixture("tiny-clip-text.onnx"), notJson.toString(), "text_embeds", "none");
        assertTrue(badTokenizer.contains("vlfer.text.onnx-file.tokenizer = " + notJson)
                && badTokenizer.contains("not a HuggingFace tokenizer.json"), badTokenizer);
    }

    /** The cache keys by the file's contents: another graph copied over the same path is encoded, not served stale. */
    @Test
    void anotherGraphUnderTheSameFileNameMissesTheCache() throws IOException {
        Path model = dir.resolve("clip-text.onnx");
        Files.copy(Path.of(fixture("tiny-clip-text.onnx")), model);
        AtomicInteger opens = new AtomicInteger();
        TextEncoderSpec spec = TextEncoderRegistry.spec(settings(model.toString(), fixture("tokenizer.json"), "text_embeds", "none"));
        try (CachedTextEncoder cached = new CachedTextEncoder(spec.name(), TextEncoderFingerprint.of(spec),
                dir.resolve("cache"), () -> {
                    opens.incrementAndGet();
                    return TextEncoders.open(spec);
                })) {
            cached.encode(List.of("a happy face"));
        }
        Files.copy(Path.of(fixture("not-a-text-encoder.onnx")), model, StandardCopyOption.REPLACE_EXISTING);
        try (CachedTextEncoder cached = new CachedTextEncoder(spec.name(), TextEncoderFingerprint.of(spec),
                dir.resolve("cache"), () -> {
                    opens.incrementAndGet();
                    return TextEncoders.open(spec);
                })) {
            String msg = assertThrows(IllegalArgumentException.class, () -> cached.encode(List.of("a happy face"))).getMessage();
            assertTrue(msg.contains("[pixel_values]"), "the new graph was loaded: " + msg);
            assertEquals(0, cached.hits());
        }
        assertEquals(2, opens.get());
    }
}
