package vlfer.config;

import java.io.Serializable;

/** The text side: which sentence encoder embeds the class prompts, and where its results are cached ("" = nowhere). */
public record TextSettings(String encoder, String cacheDir) implements Serializable {
}
