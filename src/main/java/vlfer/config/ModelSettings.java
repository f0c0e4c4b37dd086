package vlfer.config;

import java.io.Serializable;

/** The visual encoder, by registry name; inputSize 0 keeps the encoder's own default. */
public record ModelSettings(String encoder, int inputSize) implements Serializable {
}
