package vlfer.interop.djl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.interop.npz.StateDict;
import vlfer.model.text.ClipTextShape;
import vlfer.model.text.ClipTextTransformer;
import vlfer.text.TextEncoder;
import vlfer.text.TextEncoderSpec;

/**
 * CLIP's text tower as a sentence encoder: the user's CLIP tokenizer.json through DJL's HuggingFace
 * tokenizers (truncated to the model's context, end-of-text kept), then vlfer's DL4J port of the
 * transformer ({@link ClipTextTransformer}) with weights from an OpenAI CLIP state dict; rows are
 * CLIP's text features, L2-normalised. Texts are encoded in batches; each row depends only on its text.
 */
public final class ClipTextGraphEncoder implements TextEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(ClipTextGraphEncoder.class);
    private static final int BATCH = 32;

    private final TextEncoderSpec spec;
    private final ClipTextTransformer transformer;
    private final HuggingFaceTokenizer tokenizer;

    private ClipTextGraphEncoder(TextEncoderSpec spec, ClipTextTransformer transformer, HuggingFaceTokenizer tokenizer) {
        this.spec = spec;
        this.transformer = transformer;
        this.tokenizer = tokenizer;
    }

    /** Reads the weights (.npz or TorchScript), builds the graph and the tokenizer; errors name the setting at fault. */
    public static ClipTextGraphEncoder open(TextEncoderSpec spec) {
        String where = spec.setting("weights", spec.modelSource());
        StateDict dict = ClipTextTowers.weights(spec);
        ClipTextTransformer transformer;
        try {
            transformer = ClipTextTransformer.load(dict, spec.heads());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        ClipTextShape s = transformer.shape();
        LOG.info("clip-text: {} blocks of width {} ({} heads), context {}, vocabulary {}, {}-d features, from {}", s.layers(),
                s.width(), s.heads(), s.context(), s.vocabulary(), s.outputDim(), spec.modelSource());
        return new ClipTextGraphEncoder(spec, transformer, Tokenizers.open(spec, s.context()));
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int dimension() {
        return transformer.shape().outputDim();
    }

    @Override
    public float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
            long[][] ids = new long[batch.size()][];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = tokenizer.encode(batch.get(i)).getIds();
                if (ids[i].length == 0) {
                    throw new IllegalArgumentException(spec.setting("tokenizer", spec.tokenizerSource()) + ": no tokens for '"
                            + batch.get(i) + "'");
                }
                String misfit = transformer.misfit(ids[i]);
                if (misfit != null) {
                    throw new IllegalArgumentException(spec.setting("tokenizer", spec.tokenizerSource()) + " does not fit "
                            + spec.setting("weights", spec.modelSource()) + ": " + misfit + " ('" + batch.get(i) + "')");
                }
            }
            INDArray features = transformer.encode(ids);
            for (int i = 0; i < ids.length; i++) {
                INDArray row = features.getRow(i);
                out[from + i] = row.div(row.norm2Number()).toFloatVector();
            }
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
