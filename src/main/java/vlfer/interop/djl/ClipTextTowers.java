package vlfer.interop.djl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import vlfer.interop.WeightFormat;
import vlfer.interop.npz.StateDict;
import vlfer.model.cliper.CliperTokenMethod;
import vlfer.model.text.ClipTextShape;
import vlfer.model.text.ClipTextTower;
import vlfer.model.text.ClipTextTransformer;
import vlfer.text.TextEncoderSpec;

/** Reads CLIP's text tower for {@code vlfer.text.encoder = clip-text}: its weights, and prompt templates through its tokenizer. */
public final class ClipTextTowers {
    private ClipTextTowers() {
    }

    /** The state dict the spec names (.npz or TorchScript); errors name the setting. */
    static StateDict weights(TextEncoderSpec spec) {
        String where = spec.setting("weights", spec.modelSource());
        try {
            return WeightFormat.of(spec.modelSource()).read(Path.of(spec.modelSource()), spec.modelSource());
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot read the weights: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tower with the template of token-space cliper, {@code an ID photo of X X X X.} for
     * {@code tokens} = 4: the X tokens must come out as that many equal tokens right before the
     * final ".", as CLIP's tokenizer makes them.
     */
    public static ClipTextTower forPrompt(TextEncoderSpec spec, int tokens) {
        StateDict dict = weights(spec);
        ClipTextShape shape;
        try {
            shape = ClipTextShape.of(dict, spec.heads());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(spec.setting("weights", spec.modelSource()) + ": " + e.getMessage(), e);
        }
        String template = CliperTokenMethod.template(tokens);
        long[] ids;
        try (HuggingFaceTokenizer tokenizer = Tokenizers.open(spec, shape.context())) {
            ids = tokenizer.encode(template).getIds();
        }
        int end = ClipTextTransformer.endOfText(ids);
        int first = end - 1 - tokens;
        boolean fits = first >= 1 && Arrays.stream(ids, first, end - 1).allMatch(id -> id == ids[first]);
        if (!fits) {
            throw new IllegalArgumentException(spec.setting("tokenizer", spec.tokenizerSource()) + " makes '" + template
                    + "' into " + Arrays.toString(ids) + ": the " + tokens + " X tokens are not " + tokens
                    + " equal tokens before the final '.' and the end-of-text token (is it CLIP's tokenizer, and do"
                    + " the " + tokens + " prompt tokens fit in the context of " + shape.context() + "?)");
        }
        return new ClipTextTower(shape, dict, Arrays.copyOf(ids, shape.context()), first, tokens);
    }
}
