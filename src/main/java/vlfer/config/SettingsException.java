package vlfer.config;

/**
 * A configuration error a person can act on: names the key, where its value came from (file and
 * line, --set, a system property) and what was expected. Thrown at start-up, before any work.
 */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
