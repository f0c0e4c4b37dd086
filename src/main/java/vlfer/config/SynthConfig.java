package vlfer.config;

import java.io.Serializable;
import vlfer.data.synth.SynthSettings;

/** Where the synthetic faces are written, in which dataset layout, and how they are drawn. */
public record SynthConfig(String dir, String layout, SynthSettings generator) implements Serializable {
}
