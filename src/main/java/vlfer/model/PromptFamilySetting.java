package vlfer.model;

import vlfer.config.CheckedConfig;
import vlfer.text.PromptFamily;

/** The {@code prompts} key of a zero-shot method's block: one of the published prompt families. */
public final class PromptFamilySetting {
    private PromptFamilySetting() {
    }

    public static String read(CheckedConfig c) {
        String family = c.nonEmptyString("prompts");
        if (!PromptFamily.names().contains(family)) {
            throw c.invalid("prompts", "one of " + String.join(", ", PromptFamily.names()), family);
        }
        return family;
    }
}
