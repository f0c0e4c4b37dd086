package vlfer.interop.djl;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vlfer.text.TextEncoder;
import vlfer.text.TextEncoderSpec;

/**
 * A sentence encoder run by DJL's ONNX Runtime engine: HuggingFace tokenizer (loaded from a file or
 * stream, never by hub name), the ONNX transformer, then mean (or CLS) pooling and L2 norm. Each
 * text is encoded on its own, so an embedding never depends on what else is in the call.
 */
public final class OnnxSentenceEncoder implements TextEncoder {
    private final TextEncoderSpec spec;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final Predictor<NDList, NDList> predictor;
    private final int dimension;

    private OnnxSentenceEncoder(TextEncoderSpec spec, HuggingFaceTokenizer tokenizer, Model model) {
        this.spec = spec;
        this.tokenizer = tokenizer;
        this.model = model;
        this.predictor = model.newPredictor(new NoopTranslator());
        this.dimension = embed("a").length;
    }

    public static OnnxSentenceEncoder open(TextEncoderSpec spec) {
        HuggingFaceTokenizer tokenizer;
        try (InputStream tok = open(spec.tokenizerSource())) {
            // the shipped tokenizer.json pads every input to 128: turn that off, keep truncation
            tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", Integer.toString(spec.maxTokens())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + spec.tokenizerSource() + ": " + e.getMessage(), e);
        }
        Model model = Model.newInstance(spec.name(), "OnnxRuntime");
        try (InputStream onnx = open(spec.modelSource())) {
            model.load(onnx);
        } catch (IOException | MalformedModelException e) {
            model.close();
            tokenizer.close();
            throw new IllegalStateException("cannot load text encoder model " + spec.modelSource() + ": " + e.getMessage(), e);
        }
        return new OnnxSentenceEncoder(spec, tokenizer, model);
    }

    private static InputStream open(String source) throws IOException {
        if (source.startsWith(TextEncoderSpec.CLASSPATH)) {
            String resource = source.substring(TextEncoderSpec.CLASSPATH.length());
            InputStream in = OnnxSentenceEncoder.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("class-path resource " + resource + " not found (is its Maven jar on the class path?)");
            }
            return in;
        }
        Path p = Path.of(source);
        if (!Files.isRegularFile(p)) {
            throw new IOException("file " + p + " does not exist");
        }
        return Files.newInputStream(p);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            out[i] = embed(texts.get(i));
        }
        return out;
    }

    private float[] embed(String text) {
        Encoding enc = tokenizer.encode(text);
        long[] ids = enc.getIds();
        long[] mask = enc.getAttentionMask();
        long[] types = enc.getTypeIds();
        try (NDManager nd = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(1, ids.length);
            NDArray idArr = nd.create(ids, shape);
            idArr.setName("input_ids");
            NDArray maskArr = nd.create(mask, shape);
            maskArr.setName("attention_mask");
            NDArray typeArr = nd.create(types, shape);
            typeArr.setName("token_type_ids");
            NDArray hidden = predictor.predict(new NDList(idArr, maskArr, typeArr)).get(0);
            float[] states = hidden.toFloatArray();
            int tokens = ids.length;
            int dim = states.length / tokens;
            float[] pooled = new float[dim];
            if (spec.pooling() == TextEncoderSpec.Pooling.CLS) {
                System.arraycopy(states, 0, pooled, 0, dim);
            } else {
                long count = 0;
                for (int t = 0; t < tokens; t++) {
                    if (mask[t] == 0) {
                        continue;
                    }
                    count++;
                    for (int d = 0; d < dim; d++) {
                        pooled[d] += states[t * dim + d];
                    }
                }
                for (int d = 0; d < dim; d++) {
                    pooled[d] /= Math.max(1, count);
                }
            }
            double norm = 0;
            for (float v : pooled) {
                norm += (double) v * v;
            }
            float inv = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < dim; d++) {
                pooled[d] *= inv;
            }
            return pooled;
        } catch (TranslateException e) {
            throw new IllegalStateException("text encoder " + spec.name() + " failed on '" + text + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
        tokenizer.close();
    }
}
