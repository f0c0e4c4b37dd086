package vlfer.config;

/**
 * Validated settings plus what a run records about its configuration: a hash of the resolved
 * values and a rendering with secrets masked (for the run folder).
 */
public record LoadedSettings(VlferSettings settings, String configHash, String maskedDump) {
}
