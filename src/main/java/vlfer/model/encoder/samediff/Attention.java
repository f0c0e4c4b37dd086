package vlfer.model.encoder.samediff;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The reshapes of multi-head attention over a packed projection {@code [sequences * tokens, 3 * width]}
 * (q, k, v one after the other, each split into heads), as {@code nn.MultiheadAttention} and
 * torchvision's window attention lay it out.
 */
public final class Attention {
    private Attention() {
    }

    /** Part {@code part} (0 = q, 1 = k, 2 = v) as one sequence per head: [sequences * heads, tokens, width / heads]. */
    public static SDVariable heads(SDVariable qkv, int part, long width, long tokens, int heads) {
        return qkv.get(SDIndex.all(), SDIndex.interval(part * width, (part + 1) * width))
                .reshape(-1, tokens, heads, width / heads).permute(0, 2, 1, 3).reshape(-1, tokens, width / heads);
    }

    /** The heads' outputs [sequences * heads, tokens, width / heads] back to [sequences * tokens, width]. */
    public static SDVariable merge(SDVariable mixed, long width, long tokens, int heads) {
        return mixed.reshape(-1, heads, tokens, width / heads).permute(0, 2, 1, 3).reshape(-1, width);
    }
}
