package vlfer.interop.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vlfer.text.TextEncoder;
import vlfer.text.TextEncoderSpec;
import vlfer.text.TokenPooling;

/**
 * A sentence encoder run by DJL's ONNX Runtime engine: HuggingFace tokenizer (loaded from a file or
 * stream, never by hub name), the ONNX graph fed only the tokenizer outputs it declares as inputs,
 * then pooling and L2 norm ({@link TokenPooling}). Each text is encoded on its own, unpadded, so an
 * embedding never depends on what else is in the call. Every error about the files names the
 * setting they came from.
 */
public final class OnnxSentenceEncoder implements TextEncoder {
    /** The graph inputs a tokenizer fills; input_ids is required, the others are fed when declared. */
    private static final List<String> TOKENIZER_INPUTS = List.of("input_ids", "attention_mask", "token_type_ids");

    private final TextEncoderSpec spec;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final List<String> inputs;
    private final Predictor<NDList, NDList> predictor;
    private int dimension;

    private OnnxSentenceEncoder(TextEncoderSpec spec, HuggingFaceTokenizer tokenizer, Model model, List<String> inputs) {
        this.spec = spec;
        this.tokenizer = tokenizer;
        this.model = model;
        this.inputs = inputs;
        this.predictor = model.newPredictor(new NoopTranslator());
    }

    /** Loads tokenizer and graph, checks the graph's inputs, and encodes one probe text to check its output. */
    public static OnnxSentenceEncoder open(TextEncoderSpec spec) {
        HuggingFaceTokenizer tokenizer = Tokenizers.open(spec, spec.maxTokens());
        Model model = null;
        OnnxSentenceEncoder encoder = null;
        try {
            model = model(spec);
            encoder = new OnnxSentenceEncoder(spec, tokenizer, model, inputsOf(spec, model));
            encoder.dimension = encoder.embed("a").length;
            return encoder;
        } catch (RuntimeException e) {
            if (encoder != null) {
                encoder.close();
            } else {
                if (model != null) {
                    model.close();
                }
                tokenizer.close();
            }
            throw e;
        }
    }

    private static Model model(TextEncoderSpec spec) {
        String where = spec.setting("model", spec.modelSource());
        Model model = Model.newInstance(spec.name(), "OnnxRuntime");
        try (InputStream onnx = TextEncoderSpec.open(spec.modelSource())) {
            model.load(onnx);
            return model;
        } catch (IOException e) {
            model.close();
            throw new IllegalArgumentException(where + ": cannot read the model: " + e.getMessage(), e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException(where + ": not an ONNX graph ONNX Runtime can load: " + e.getMessage(), e);
        }
    }

    private static List<String> inputsOf(TextEncoderSpec spec, Model model) {
        List<String> declared = model.describeInput().keys();
        if (!declared.contains(TOKENIZER_INPUTS.get(0)) || !TOKENIZER_INPUTS.containsAll(declared)) {
            throw new IllegalArgumentException(spec.setting("model", spec.modelSource()) + ": the graph's inputs are "
                    + declared + "; a text encoder takes input_ids and, if it wants them, attention_mask and "
                    + "token_type_ids (what a tokenizer gives)");
        }
        return List.copyOf(declared);
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
        int tokens = enc.getIds().length;
        if (tokens == 0) {
            throw new IllegalArgumentException(spec.setting("tokenizer", spec.tokenizerSource()) + ": no tokens for '" + text + "'");
        }
        try (NDManager nd = model.getNDManager().newSubManager()) {
            NDList feed = new NDList();
            for (String input : inputs) {
                NDArray a = nd.create(values(enc, input), new Shape(1, tokens));
                a.setName(input);
                feed.add(a);
            }
            NDArray out = selectOutput(predictor.predict(feed));
            int rows = tokenRows(out, tokens);
            return TokenPooling.pool(spec.pooling(), out.toType(DataType.FLOAT32, false).toFloatArray(), rows,
                    enc.getAttentionMask());
        } catch (TranslateException | EngineException e) {
            throw new IllegalStateException(spec.setting("model", spec.modelSource()) + ": failed on '" + text + "': "
                    + e.getMessage(), e);
        }
    }

    private static long[] values(Encoding enc, String input) {
        switch (input) {
            case "input_ids":
                return enc.getIds();
            case "attention_mask":
                return enc.getAttentionMask();
            default:
                return enc.getTypeIds();
        }
    }

    private NDArray selectOutput(NDList outputs) {
        List<String> names = new ArrayList<>();
        for (NDArray a : outputs) {
            names.add(a.getName());
        }
        String wanted = spec.output();
        if (wanted.isEmpty() && outputs.size() == 1) {
            return outputs.get(0);
        }
        NDArray chosen = wanted.isEmpty() ? null : outputs.get(wanted);
        if (chosen == null) {
            throw new IllegalArgumentException(spec.setting("output", wanted.isEmpty() ? "\"\"" : wanted) + ": the graph of "
                    + spec.setting("model", spec.modelSource()) + " has outputs " + names + "; name the one to read");
        }
        return chosen;
    }

    /** The token rows of the chosen output (1 for an already pooled one), after checking its shape fits the pooling. */
    private int tokenRows(NDArray out, int tokens) {
        Shape shape = out.getShape();
        String pooling = spec.setting("pooling", spec.pooling().name().toLowerCase(Locale.ROOT));
        String which = "output '" + out.getName() + "' of " + spec.setting("model", spec.modelSource()) + " has shape " + shape;
        if (spec.pooling() == TextEncoderSpec.Pooling.NONE) {
            if (shape.dimension() != 2 || shape.get(0) != 1) {
                throw new IllegalArgumentException(pooling + " takes one vector per text, shape (1, D), but " + which
                        + ": pool its per-token states with mean, cls or eos");
            }
            return 1;
        }
        if (shape.dimension() != 3 || shape.get(0) != 1 || shape.get(1) != tokens) {
            throw new IllegalArgumentException(pooling + " pools per-token states, shape (1, " + tokens + ", D), but " + which
                    + (shape.dimension() == 2 ? ": it already is one vector per text, use pooling none" : ""));
        }
        return tokens;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
        tokenizer.close();
    }
}
