package vlfer.config;

import java.io.Serializable;

/** Which epoch's weights become the model ({@code vlfer.eval}), and how much of training is held out to choose it. */
public record EvalSettings(Protocol protocol, double validationFraction) implements Serializable {
    /** How the model's epoch is chosen; its name is what metrics rows and model cards carry. */
    public enum Protocol {
        LAST_EPOCH, BEST_ON_VALIDATION, BEST_ON_TEST;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public boolean selects() {
            return this != LAST_EPOCH;
        }
    }
}
