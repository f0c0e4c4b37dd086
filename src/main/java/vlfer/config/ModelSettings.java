package vlfer.config;

import java.io.Serializable;
import vlfer.model.encoder.vit.VitShape;

/**
 * The visual encoder, by registry name; inputSize 0 keeps the encoder's own default. {@code weights}
 * is a PyTorch state dict (.npz) to load into it ("" = none) whose keys start with
 * {@code weightsPrefix}; {@code vit} is the shape of encoder {@code clip-vit} (its image side comes
 * from inputSize).
 */
public record ModelSettings(String encoder, int inputSize, String weights, String weightsPrefix, VitShape vit)
        implements Serializable {

    /** An encoder with its own initialisation and the default ViT shape: what tests mostly need. */
    public static ModelSettings of(String encoder, int inputSize) {
        return new ModelSettings(encoder, inputSize, "", "", VitShape.B16);
    }
}
