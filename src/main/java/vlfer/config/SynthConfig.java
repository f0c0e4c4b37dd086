package vlfer.config;

import java.io.Serializable;
import vlfer.data.synth.SynthSettings;

/** Where the synthetic faces are written, and how they are drawn. */
public record SynthConfig(String dir, SynthSettings generator) implements Serializable {
}
