package vlfer.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads from the resolved configuration. Every failure names the key, where its value came
 * from and what was expected. Public so that registry entries (methods) read their own block;
 * Typesafe Config itself stays inside this package.
 */
public final class CheckedConfig {
    private final Config config;
    /** Full path of this object, so that messages name whole keys ("vlfer.train.epochs"). */
    private final String prefix;

    CheckedConfig(Config config) {
        this(config, "");
    }

    private CheckedConfig(Config config, String prefix) {
        this.config = config;
        this.prefix = prefix;
    }

    Config raw() {
        return config;
    }

    /** reference.conf alone, resolved: every default, for code (mostly tests) that needs a block without a run. */
    public static CheckedConfig reference() {
        return new CheckedConfig(com.typesafe.config.ConfigFactory.parseResources(CheckedConfig.class.getClassLoader(),
                "reference.conf").resolve());
    }

    public CheckedConfig at(String path) {
        return new CheckedConfig(read(path, () -> config.getConfig(path), "an object"),
                prefix + path.replace("\"", "") + ".");
    }

    public String string(String path) {
        return read(path, () -> config.getString(path), "a string");
    }

    public String nonEmptyString(String path) {
        String s = string(path);
        if (s.isBlank()) {
            throw invalid(path, "a non-empty value (this key is required)", "\"\"");
        }
        return s;
    }

    public boolean bool(String path) {
        return read(path, () -> config.getBoolean(path), "true or false");
    }

    long longValue(String path) {
        requireWhole(path);
        return read(path, () -> config.getLong(path), "a whole number");
    }

    /** Typesafe Config reads 1.5 as the int 1: a number with a fraction is refused instead. */
    private void requireWhole(String path) {
        double d = read(path, () -> config.getDouble(path), "a whole number");
        if (d != Math.rint(d) || Double.isInfinite(d)) {
            throw invalid(path, "a whole number", config.getValue(path).render());
        }
    }

    public int intAtLeast(String path, int min) {
        requireWhole(path);
        int v = read(path, () -> config.getInt(path), "a whole number");
        if (v < min) {
            throw invalid(path, "a whole number >= " + min, Integer.toString(v));
        }
        return v;
    }

    public double doubleIn(String path, double min, double max) {
        double v = read(path, () -> config.getDouble(path), "a number");
        if (!(v >= min && v <= max)) {
            throw invalid(path, "a number in [" + min + ", " + max + "]", Double.toString(v));
        }
        return v;
    }

    public List<String> stringList(String path) {
        return read(path, () -> config.getStringList(path), "a list of strings");
    }

    public <E extends Enum<E>> E enumValue(String path, Class<E> type) {
        String s = string(path);
        String wanted = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : " | ").append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw invalid(path, "one of " + allowed, s);
    }

    /** A flat map of string values (keys may contain dots, e.g. Spark properties). */
    Map<String, String> stringMap(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : at(path).config.entrySet()) {
            String key = e.getKey().replace("\"", "");
            Object v = e.getValue().unwrapped();
            out.put(key, String.valueOf(v));
        }
        return out;
    }

    public SettingsException invalid(String path, String expected, String got) {
        return new SettingsException(prefix + path + " (" + originOf(path) + "): expected " + expected + ", got " + got);
    }

    private String originOf(String path) {
        try {
            return config.getValue(path).origin().description();
        } catch (ConfigException e) {
            return "not set";
        }
    }

    private <T> T read(String path, java.util.function.Supplier<T> getter, String expected) {
        try {
            return getter.get();
        } catch (ConfigException.Missing e) {
            throw new SettingsException(prefix + path + ": required value is missing (expected " + expected + ")", e);
        } catch (ConfigException.WrongType e) {
            String got = config.hasPathOrNull(path) && !config.getIsNull(path)
                    ? config.getValue(path).render() : "null";
            throw new SettingsException(prefix + path + " (" + originOf(path) + "): expected " + expected + ", got " + got, e);
        } catch (ConfigException e) {
            throw new SettingsException(prefix + path + " (" + originOf(path) + "): " + e.getMessage(), e);
        }
    }
}
