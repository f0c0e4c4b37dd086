package vlfer.model;

import vlfer.config.CheckedConfig;

/** zeroshot ({@code vlfer.method.zeroshot}): the prompt family and the logit scale s of {@code s * cos(image, prompt)}. */
public record ZeroshotSettings(String prompts, double logitScale) {
    public static ZeroshotSettings read(CheckedConfig z) {
        return new ZeroshotSettings(PromptFamilySetting.read(z), z.doubleIn("logit-scale", 1e-3, 1e4));
    }
}
