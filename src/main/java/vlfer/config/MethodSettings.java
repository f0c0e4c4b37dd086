package vlfer.config;

import java.io.Serializable;

/** The training method by name, with each method's own settings. */
public record MethodSettings(String name, Ke2ntSettings ke2nt, CliperSettings cliper, ExpclipSettings expclip,
                             ZeroshotSettings zeroshot) implements Serializable {
}
