package vlfer.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dataset manifests (data-manifests/*.conf): the keys of one dataset entry in a file of their own.
 * A manifest is a path, or the bare name of one shipped with vlfer ({@code rafdb.conf}, or
 * {@code data-manifests/rafdb.conf} as in this repository; resolved on the class path). A path to a
 * file that is not there is an error, even when its file name is a shipped manifest's. Its keys are checked against vlfer.data.dataset-template.
 */
public final class Manifests {
    static final String FREE_MAPS = "options|label-map";

    private Manifests() {
    }

    /** The manifest's keys, resolved (environment substitutions such as ${?RAFDB_ROOT} allowed). */
    public static Config load(String manifest, Config template) {
        Path file = Path.of(manifest);
        Config raw;
        try {
            if (Files.isRegularFile(file)) {
                raw = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
            } else {
                String resource = "data-manifests/" + file.getFileName();
                if (!isShippedName(manifest) || Manifests.class.getClassLoader().getResource(resource) == null) {
                    throw new SettingsException("manifest '" + manifest + "' is neither a file (no such file: "
                            + file.toAbsolutePath() + ") nor the name of a manifest vlfer ships (a bare name such as"
                            + " rafdb.conf, see data-manifests/)");
                }
                raw = ConfigFactory.parseResources(Manifests.class.getClassLoader(), resource,
                        ConfigParseOptions.defaults().setAllowMissing(false));
            }
            raw = raw.resolve();
        } catch (ConfigException e) {
            throw new SettingsException("cannot read manifest " + manifest + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : raw.entrySet()) {
            String key = e.getKey();
            String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            boolean free = top.matches(FREE_MAPS);
            if (key.equals("manifest") || (!free && !template.hasPathOrNull(key)) || (free && !template.hasPathOrNull(top))) {
                problems.add("unknown key '" + key + "' in manifest (" + e.getValue().origin().description() + "); manifest keys: "
                        + new java.util.TreeSet<>(template.root().keySet()).toString().replace("manifest, ", ""));
            }
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(String.join("\n", problems));
        }
        return raw;
    }

    /** A name that may mean a shipped manifest when no such file exists: no folder, or data-manifests/ only. */
    private static boolean isShippedName(String manifest) {
        String m = manifest.replace('\\', '/');
        return !m.contains("/") || (m.startsWith("data-manifests/") && m.indexOf('/') == m.lastIndexOf('/'));
    }

    /** Where a manifest came from, for error messages. */
    static String describe(String manifest) {
        return Files.isRegularFile(Path.of(manifest)) ? manifest : "data-manifests/" + Path.of(manifest).getFileName() + " (shipped)";
    }
}
