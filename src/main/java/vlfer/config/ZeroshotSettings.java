package vlfer.config;

import java.io.Serializable;

/** zeroshot: the prompt family and the logit scale s of {@code s * cos(image, prompt)}. */
public record ZeroshotSettings(String prompts, double logitScale) implements Serializable {
}
