package vlfer.config;

/**
 * Where the synthetic faces are written, in which dataset layout, with which seed; {@code block} is
 * {@code vlfer.synth}, from which the generator reads how the faces are drawn.
 */
public record SynthConfig(String dir, String layout, long seed, CheckedConfig block) {
}
