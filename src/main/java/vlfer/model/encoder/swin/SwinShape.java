package vlfer.model.encoder.swin;

import java.io.Serializable;
import java.util.List;

/**
 * The size of a Swin Transformer (torchvision's {@code SwinTransformer}): input side, patch side,
 * embedding width, blocks and heads per stage, window side. Every stage after the first halves the
 * map (rounding up, as torchvision pads odd sides) and doubles the width; the feature is the last
 * stage's width. Swin-T is (224, 4, 96, [2, 2, 6, 2], [3, 6, 12, 24], 7): a 768-d feature.
 */
public record SwinShape(int imageSize, int patch, int embedDim, List<Integer> depths, List<Integer> heads, int window)
        implements Serializable {
    public static final SwinShape T = new SwinShape(224, 4, 96, List.of(2, 2, 6, 2), List.of(3, 6, 12, 24), 7);

    public SwinShape {
        depths = List.copyOf(depths);
        heads = List.copyOf(heads);
        if (patch < 1 || imageSize < patch) {
            throw new IllegalArgumentException("Swin input side " + imageSize + " is smaller than its patch " + patch);
        }
        if (embedDim < 1 || window < 1 || depths.isEmpty() || depths.size() != heads.size()) {
            throw new IllegalArgumentException("invalid Swin shape: embedding " + embedDim + ", window " + window
                    + ", depths " + depths + ", heads " + heads + " (one depth and one head count per stage)");
        }
        for (int s = 0; s < depths.size(); s++) {
            if (depths.get(s) < 1 || heads.get(s) < 1 || (embedDim << s) % heads.get(s) != 0) {
                throw new IllegalArgumentException("Swin stage " + s + ": width " + (embedDim << s) + ", " + depths.get(s)
                        + " blocks, " + heads.get(s) + " heads (blocks and heads at least 1, width divisible by heads)");
            }
        }
    }

    public int stages() {
        return depths.size();
    }

    /** Token width of stage {@code s}. */
    public int width(int s) {
        return embedDim << s;
    }

    /** Side of stage {@code s}'s feature map: the patch grid, then halved with odd sides rounded up. */
    public int side(int s) {
        int side = imageSize / patch;
        for (int i = 0; i < s; i++) {
            side = (side + 1) / 2;
        }
        return side;
    }

    public int outputDim() {
        return width(stages() - 1);
    }

    public SwinShape withImageSize(int size) {
        return new SwinShape(size, patch, embedDim, depths, heads, window);
    }
}
