package vlfer.config;

import java.io.Serializable;

/** The text side: which sentence encoder embeds the class prompts. */
public record TextSettings(String encoder) implements Serializable {
}
