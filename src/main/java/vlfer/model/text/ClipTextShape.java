package vlfer.model.text;

import java.io.Serializable;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.interop.npz.StateDict;

/**
 * The size of CLIP's text tower, read off its state dict as OpenAI's {@code build_model} does:
 * vocabulary and width from {@code token_embedding.weight}, context from {@code positional_embedding},
 * output from {@code text_projection}, blocks by counting {@code transformer.resblocks.N}; heads are
 * width / 64 in OpenAI's models unless given.
 */
public record ClipTextShape(int context, int vocabulary, int width, int layers, int heads, int outputDim)
        implements Serializable {
    private static final Pattern BLOCK = Pattern.compile("^transformer\\.resblocks\\.(\\d+)\\.");

    public ClipTextShape {
        if (context < 2 || vocabulary < 2 || width < 1 || layers < 1 || heads < 1 || outputDim < 1 || width % heads != 0) {
            throw new IllegalArgumentException("invalid CLIP text shape: context " + context + ", vocabulary " + vocabulary
                    + ", width " + width + ", " + layers + " blocks, " + heads + " heads, output " + outputDim
                    + " (width must be a multiple of heads)");
        }
    }

    /** The shape of the text tower in {@code dict}; {@code heads} 0 = width / 64. Errors name the file and key. */
    public static ClipTextShape of(StateDict dict, int heads) {
        Map<String, INDArray> t = dict.tensors();
        long[] tokens = matrix(dict, "token_embedding.weight");
        long[] positions = matrix(dict, "positional_embedding");
        long[] projection = matrix(dict, "text_projection");
        int layers = 0;
        for (String key : t.keySet()) {
            Matcher m = BLOCK.matcher(key);
            if (m.find()) {
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
            }
        }
        if (layers == 0) {
            throw new IllegalArgumentException(dict.source() + " has no transformer.resblocks.N.* keys: not the text tower"
                    + " of an OpenAI CLIP state dict (its keys carry no prefix; the image tower's are visual.*)");
        }
        int width = (int) tokens[1];
        if (positions[1] != width || projection[0] != width) {
            throw new IllegalArgumentException(dict.source() + ": the text tower's widths disagree: token_embedding.weight "
                    + width + ", positional_embedding " + positions[1] + ", text_projection " + projection[0]);
        }
        int h = heads > 0 ? heads : width / 64;
        if (h < 1 || width % h != 0) {
            throw new IllegalArgumentException(dict.source() + ": text width " + width + " does not split into "
                    + (heads > 0 ? heads + " heads" : "heads of 64 (OpenAI's rule); set the number of heads"));
        }
        return new ClipTextShape((int) positions[0], (int) tokens[0], width, layers, h, (int) projection[1]);
    }

    private static long[] matrix(StateDict dict, String key) {
        INDArray a = dict.tensors().get(key);
        if (a == null || a.rank() != 2) {
            throw new IllegalArgumentException(dict.source() + ": " + key + (a == null ? " is missing" : " is not a matrix")
                    + ": not an OpenAI CLIP state dict with the text tower at the top level");
        }
        return a.shape();
    }
}
