package vlfer.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Parses the layers a user can set: a conf file, {@code --set key=value} pairs, {@code vlfer.*}
 * system properties. Each value keeps its origin, so errors can say where it came from.
 */
final class ConfigSources {
    private ConfigSources() {
    }

    static Config file(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SettingsException("config file " + file + " does not exist (or is not a file)");
        }
        try {
            return ConfigFactory.parseFile(file.toFile(),
                    ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
        } catch (ConfigException e) {
            throw new SettingsException("cannot parse config file " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code key=value} pairs; a value that is not valid HOCON is taken as a plain string. */
    static Config overrides(List<String> pairs) {
        Config merged = ConfigFactory.empty();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new SettingsException("--set expects key=value, got '" + pair + "'");
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            ConfigParseOptions origin = ConfigParseOptions.defaults().setOriginDescription("--set " + key);
            Config one;
            try {
                one = ConfigFactory.parseString(key + " = " + value, origin);
            } catch (ConfigException e) {
                one = ConfigFactory.parseString(key + " = " + quote(value), origin);
            }
            merged = one.withFallback(merged);
        }
        return merged;
    }

    /** The {@code vlfer.*} system properties (others belong to Spark, DL4J and the JVM). */
    static Config systemProperties() {
        Config props = ConfigFactory.systemProperties();
        return props.hasPath("vlfer") ? props.withOnlyPath("vlfer") : ConfigFactory.empty();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
