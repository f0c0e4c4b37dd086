package vlfer.config;

/**
 * The training method by name, and the {@code vlfer.method} block from which the method's registry
 * entry reads its own settings (only the chosen method's block is read).
 */
public record MethodSettings(String name, CheckedConfig block) {
    /** The block {@code vlfer.method.<method>}. */
    public CheckedConfig of(String method) {
        return block.at(method);
    }
}
