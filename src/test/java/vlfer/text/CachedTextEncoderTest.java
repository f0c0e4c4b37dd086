package vlfer.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedTextEncoderTest {
    @TempDir
    Path dir;

    /** A deterministic stand-in encoder that counts how often it is opened and asked. */
    private static final class CountingEncoder implements TextEncoder {
        final AtomicInteger calls;

        CountingEncoder(AtomicInteger calls) {
            this.calls = calls;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public float[][] encode(List<String> texts) {
            calls.incrementAndGet();
            float[][] out = new float[texts.size()][3];
            for (int i = 0; i < texts.size(); i++) {
                out[i] = new float[]{texts.get(i).length(), i, 1};
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    private CachedTextEncoder cached(String name, AtomicInteger opens, AtomicInteger calls) {
        return cached(name, "fingerprint-1", opens, calls);
    }

    private CachedTextEncoder cached(String name, String fingerprint, AtomicInteger opens, AtomicInteger calls) {
        return new CachedTextEncoder(name, fingerprint, dir, () -> {
            opens.incrementAndGet();
            return new CountingEncoder(calls);
        });
    }

    @Test
    void aRepeatedRunSkipsLoadingAndEncoding() {
        AtomicInteger opens = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        List<String> prompts = List.of("an expression of anger.", "an expression of fear.");
        float[][] first;
        try (CachedTextEncoder e = cached("enc", opens, calls)) {
            first = e.encode(prompts);
        }
        try (CachedTextEncoder e = cached("enc", opens, calls)) {
            assertArrayEquals(first, e.encode(prompts));
            assertEquals(1, e.hits());
        }
        assertEquals(1, opens.get(), "the model is loaded once");
        assertEquals(1, calls.get(), "the texts are encoded once");
    }

    @Test
    void otherTextsOrAnotherEncoderAreMisses() {
        AtomicInteger opens = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        try (CachedTextEncoder e = cached("enc", opens, calls)) {
            e.encode(List.of("a"));
            e.encode(List.of("b"));
        }
        try (CachedTextEncoder e = cached("other", opens, calls)) {
            e.encode(List.of("a"));
        }
        assertEquals(3, calls.get());
    }

    @Test
    void aChangedFingerprintUnderTheSameNameIsAMiss() {
        AtomicInteger opens = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        try (CachedTextEncoder e = cached("onnx-file:clip.onnx", "sha-of-file-1", opens, calls)) {
            e.encode(List.of("a"));
        }
        try (CachedTextEncoder e = cached("onnx-file:clip.onnx", "sha-of-file-2", opens, calls)) {
            e.encode(List.of("a"));
            assertEquals(0, e.hits());
        }
        assertEquals(2, calls.get(), "a model file with other contents is encoded again");
    }

    @Test
    void aDamagedEntryIsEncodedAgainAndReplaced() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        float[][] good;
        try (CachedTextEncoder e = cached("enc", opens, calls)) {
            good = e.encode(List.of("x", "yy"));
        }
        Path entry;
        try (Stream<Path> files = Files.list(dir)) {
            entry = files.filter(p -> p.toString().endsWith(".emb")).findFirst().orElseThrow();
        }
        Files.write(entry, new byte[]{1, 2, 3});
        try (CachedTextEncoder e = cached("enc", opens, calls)) {
            assertArrayEquals(good, e.encode(List.of("x", "yy")));
            assertEquals(0, e.hits());
        }
        try (CachedTextEncoder e = cached("enc", opens, calls)) {
            assertArrayEquals(good, e.encode(List.of("x", "yy")));
            assertEquals(1, e.hits(), "the replaced entry is read again");
        }
        assertEquals(2, calls.get());
    }
}
