package vlfer.model.encoder.vit;

import java.io.Serializable;

/**
 * The size of a CLIP-style image tower: input side, patch side, width, blocks, heads and the
 * output (projection) width. ViT-B/16 is (224, 16, 768, 12, 12, 512).
 */
public record VitShape(int imageSize, int patch, int width, int layers, int heads, int outputDim) implements Serializable {
    public static final VitShape B16 = new VitShape(224, 16, 768, 12, 12, 512);
    public static final VitShape B32 = new VitShape(224, 32, 768, 12, 12, 512);

    public VitShape {
        if (patch < 1 || imageSize % patch != 0) {
            throw new IllegalArgumentException("ViT image size " + imageSize + " is not a multiple of patch " + patch);
        }
        if (width < 1 || layers < 1 || heads < 1 || outputDim < 1 || width % heads != 0) {
            throw new IllegalArgumentException("invalid ViT shape " + width + " wide, " + layers + " blocks, " + heads
                    + " heads, output " + outputDim + " (width must be a multiple of heads)");
        }
    }

    public int grid() {
        return imageSize / patch;
    }

    /** Class token plus one per patch. */
    public int tokens() {
        return grid() * grid() + 1;
    }

    public VitShape withImageSize(int size) {
        return new VitShape(size, patch, width, layers, heads, outputDim);
    }
}
