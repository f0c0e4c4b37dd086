package vlfer.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keys in which two resolved configurations (as {@code resolved.conf} and model cards hold
 * them, secrets masked) differ, each with both values: what {@code --resume} reports when a
 * checkpoint was made under other settings.
 */
public final class ConfigDiff {
    private ConfigDiff() {
    }

    /** "key: old -> new" for every key that differs, sorted, leaving out keys under {@code ignoredPrefixes}. */
    public static List<String> differences(String before, String after, List<String> ignoredPrefixes) {
        Map<String, String> a = flat(before);
        Map<String, String> b = flat(after);
        Map<String, String> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, k));
        b.keySet().forEach(k -> keys.put(k, k));
        List<String> out = new ArrayList<>();
        for (String k : keys.keySet()) {
            if (ignoredPrefixes.stream().anyMatch(k::startsWith)) {
                continue;
            }
            String x = a.getOrDefault(k, "(not set)");
            String y = b.getOrDefault(k, "(not set)");
            if (!x.equals(y)) {
                out.add(k + ": " + x + " -> " + y);
            }
        }
        return out;
    }

    private static Map<String, String> flat(String text) {
        Config c;
        try {
            c = ConfigFactory.parseString(text);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("cannot parse a stored configuration: " + e.getMessage(), e);
        }
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : c.entrySet()) {
            out.put(e.getKey(), e.getValue().render(ConfigRenderOptions.concise()));
        }
        return out;
    }
}
