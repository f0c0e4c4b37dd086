package vlfer.config;

/**
 * The visual encoder, by registry name; inputSize 0 keeps the encoder's own default. {@code weights}
 * is a PyTorch state dict (.npz) or TorchScript archive to load into it ("" = none) whose keys start
 * with {@code weightsPrefix}. {@code block} is {@code vlfer.model}, from which the encoder's registry
 * entry reads what only it needs (the shape of {@code clip-vit}, {@code vlfer.model.vit}) and names
 * the key and its origin when a value does not fit it.
 */
public record ModelSettings(String encoder, int inputSize, String weights, String weightsPrefix, CheckedConfig block) {

    /** An encoder with its own initialisation and reference.conf's other model values: what tests mostly need. */
    public static ModelSettings of(String encoder, int inputSize) {
        return new ModelSettings(encoder, inputSize, "", "", CheckedConfig.reference().at("vlfer.model"));
    }
}
