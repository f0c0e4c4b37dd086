package vlfer.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place that reads configuration. Layers, highest first: {@code --set} pairs, {@code vlfer.*}
 * system properties, {@code CONFIG_FORCE_*} environment overrides, the conf file, reference.conf.
 */
public final class SettingsLoader {
    /**
     * A key whose value is a credential, by rule: any key naming a secret, password, token,
     * credential or signature, or an access, private, account or encryption key. Covers Spark's
     * authentication secret and SSL passwords, S3A's access/secret keys, session tokens and
     * encryption keys, ABFS/WASB account keys, SAS tokens and OAuth secrets, GCS private keys, and the
     * same keys per bucket or account. Masking more than needed is harmless; less is a leak.
     */
    private static final String SPARK_CONF = "vlfer.spark.conf.";
    static final Pattern SECRET = Pattern.compile("(?i).*(secret|passw|pwd|token|credential|signature|\\bsas\\b"
            + "|(access|private|account|encryption)[._-]?key).*");
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public SettingsLoader() {
        this(Clock.systemUTC());
    }

    SettingsLoader(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param confFile  a conf file overriding reference.conf, or null for the embedded defaults
     * @param overrides {@code key=value} pairs from the command line
     */
    public LoadedSettings load(Path confFile, List<String> overrides) {
        Config reference = ConfigFactory.parseResources(SettingsLoader.class.getClassLoader(), "reference.conf");
        Config fileLayer = confFile == null ? ConfigFactory.empty() : ConfigSources.file(confFile);
        Config userLayer = ConfigSources.overrides(overrides)
                .withFallback(ConfigSources.systemProperties())
                .withFallback(ConfigFactory.systemEnvironmentOverrides())
                .withFallback(fileLayer);
        UnknownKeyCheck.check(userLayer, reference);
        Config resolved;
        try {
            resolved = userLayer.withFallback(recipe(userLayer, reference)).withFallback(reference).resolve();
        } catch (ConfigException e) {
            throw new SettingsException("cannot resolve configuration: " + e.getMessage(), e);
        }
        resolved = withDatasetTemplate(resolved);
        VlferSettings settings = SettingsReader.read(new CheckedConfig(resolved), clock, RUN_STAMP);
        Config vlfer = resolved.withOnlyPath("vlfer").withValue("vlfer.run-id", ConfigValueFactory.fromAnyRef(settings.runId()));
        Config masked = mask(vlfer);
        return new LoadedSettings(settings, hash(masked), render(masked));
    }

    /**
     * The keys of the recipe {@code vlfer.recipe} names (from reference.conf's {@code vlfer.recipes}),
     * as a layer under the user's; empty for none. An unknown name is an error listing the recipes.
     */
    private static Config recipe(Config userLayer, Config reference) {
        Config names = userLayer.withFallback(reference);
        String name;
        try {
            name = names.getString("vlfer.recipe");
        } catch (ConfigException e) {
            throw new SettingsException("vlfer.recipe: expected a recipe name, " + e.getMessage(), e);
        }
        if (name.isEmpty()) {
            return ConfigFactory.empty();
        }
        Config recipes = reference.getConfig("vlfer.recipes");
        if (!recipes.hasPath(com.typesafe.config.ConfigUtil.quoteString(name))) {
            throw new SettingsException("vlfer.recipe (" + names.getValue("vlfer.recipe").origin().description()
                    + "): expected one of " + new java.util.TreeSet<>(recipes.root().keySet()) + ", got " + name);
        }
        return reference.getConfig("vlfer.recipes." + com.typesafe.config.ConfigUtil.quoteString(name)).atPath("vlfer");
    }

    /** Fills every named dataset's missing keys from its manifest (if it names one), then from the template. */
    private static Config withDatasetTemplate(Config c) {
        Config template = c.getConfig(UnknownKeyCheck.DATASET_TEMPLATE);
        Config out = c;
        for (String name : c.getConfig(UnknownKeyCheck.DATASETS).root().keySet()) {
            String path = UnknownKeyCheck.DATASETS + "." + com.typesafe.config.ConfigUtil.quoteString(name);
            Config entry = c.getConfig(path);
            String manifest = entry.hasPath("manifest") ? entry.getString("manifest") : "";
            if (!manifest.isEmpty()) {
                entry = entry.withFallback(Manifests.load(manifest, template));
            }
            out = out.withValue(path, entry.withFallback(template).root());
        }
        return out;
    }

    /** One dataset entry from a manifest file alone (for {@code vlfer datasets describe}), with the template's defaults. */
    public static DatasetSettings manifest(String manifest, String rootOverride) {
        Config reference = ConfigFactory.parseResources(SettingsLoader.class.getClassLoader(), "reference.conf").resolve();
        Config template = reference.getConfig(UnknownKeyCheck.DATASET_TEMPLATE);
        Config entry = Manifests.load(manifest, template);
        if (rootOverride != null) {
            entry = entry.withValue("root", ConfigValueFactory.fromAnyRef(rootOverride));
        }
        entry = entry.withValue("manifest", ConfigValueFactory.fromAnyRef(manifest)).withFallback(template);
        String name = Path.of(manifest).getFileName().toString().replaceFirst("\\.conf$", "");
        return SettingsReader.dataset(new CheckedConfig(entry), name);
    }

    /**
     * The configuration with every credential's value replaced by ***; the config hash is taken of it
     * too. Credentials reach Spark and Hadoop only through {@code vlfer.spark.conf}, so only its keys
     * are matched: vlfer's own keys (text.onnx-file.tokenizer, max-tokens) are settings, not secrets.
     */
    static Config mask(Config c) {
        Config out = c;
        for (Map.Entry<String, ConfigValue> e : c.entrySet()) {
            if (e.getKey().startsWith(SPARK_CONF) && SECRET.matcher(e.getKey()).matches()) {
                out = out.withValue(e.getKey(), ConfigValueFactory.fromAnyRef("***"));
            }
        }
        return out;
    }

    static String render(Config c) {
        return c.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setComments(false).setJson(false));
    }

    private static String hash(Config c) {
        // Sorted, flattened key=value lines: independent of file layout and key order.
        Map<String, String> flat = new java.util.TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : c.entrySet()) {
            flat.put(e.getKey(), e.getValue().render(ConfigRenderOptions.concise()));
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : flat.entrySet()) {
                md.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
