package vlfer.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.config.TextSettings;
import vlfer.data.LabelVocabulary;
import vlfer.interop.djl.TextEncoders;
import vlfer.model.TrainingMethod;
import vlfer.text.CachedTextEncoder;
import vlfer.text.ClassEmbeddingTable;
import vlfer.text.TextEncoder;
import vlfer.text.TextEncoderFingerprint;
import vlfer.text.TextEncoderRegistry;
import vlfer.text.TextEncoderSpec;

/** Encodes a method's class prompts once, on the driver. */
final class TextEmbeddings {
    private static final Logger LOG = LoggerFactory.getLogger(TextEmbeddings.class);

    private TextEmbeddings() {
    }

    /** The configured text encoder, behind the embedding cache when one is configured (the model loads on a miss only). */
    static TextEncoder open(TextSettings text) {
        TextEncoderSpec spec = TextEncoderRegistry.spec(text);
        if (text.cacheDir().isEmpty()) {
            return TextEncoders.open(spec);
        }
        return new CachedTextEncoder(spec.name(), TextEncoderFingerprint.of(spec), java.nio.file.Path.of(text.cacheDir()),
                () -> TextEncoders.open(spec));
    }

    static ClassEmbeddingTable encode(TextSettings text, TrainingMethod method, LabelVocabulary vocabulary) {
        if (!method.usesText()) {
            LOG.info("method {} uses no text: no prompts are encoded", method.label());
            return ClassEmbeddingTable.none(vocabulary);
        }
        long start = System.nanoTime();
        try (TextEncoder encoder = open(text)) {
            ClassEmbeddingTable table = ClassEmbeddingTable.encodeEnsemble(encoder, vocabulary,
                    method.promptsPerClass(vocabulary));
            LOG.info("text embeddings: {} prompts x {} dims by {} in {} ms, sha256 {}", table.rows(), table.dimension(),
                    table.encoderName(), (System.nanoTime() - start) / 1_000_000, table.hash().substring(0, 16));
            return table;
        }
    }
}
