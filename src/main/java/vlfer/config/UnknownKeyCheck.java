package vlfer.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects keys that reference.conf does not declare, naming the key, its origin and the closest
 * declared key. Entries of named maps (datasets) are checked against their template; free maps
 * (Spark properties) accept any key.
 */
final class UnknownKeyCheck {
    static final String DATASETS = "vlfer.data.datasets";
    static final String DATASET_TEMPLATE = "vlfer.data.dataset-template";
    static final String SPARK_CONF = "vlfer.spark.conf";

    private static final java.util.regex.Pattern DATASET_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private UnknownKeyCheck() {
    }

    static void check(Config userLayer, Config reference) {
        List<String> problems = new ArrayList<>();
        if (userLayer.hasPath(DATASETS)) {
            for (Map.Entry<String, ConfigValue> e : userLayer.getConfig(DATASETS).root().entrySet()) {
                if (!DATASET_NAME.matcher(e.getKey()).matches()) {
                    throw new SettingsException(DATASETS + " (" + e.getValue().origin().description() + "): expected dataset"
                            + " names of letters, digits, '_' and '-' (a name is a table partition and a file name), got \""
                            + e.getKey() + "\"");
                }
            }
        }
        for (Map.Entry<String, ConfigValue> e : userLayer.entrySet()) {
            String path = e.getKey();
            if (!path.startsWith("vlfer.") || path.startsWith(SPARK_CONF + ".")) {
                continue;
            }
            String declared = declaredPathFor(path);
            if (declared != null && !reference.hasPathOrNull(declared)) {
                problems.add("unknown key '" + path + "' (" + e.getValue().origin().description() + ")"
                        + suggestion(declared, reference));
            }
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(String.join("\n", problems)
                    + "\nEvery key is declared in reference.conf; see README 'Configuration'.");
        }
    }

    /** The reference path that must exist for a user path; null when any value is allowed. */
    private static String declaredPathFor(String path) {
        if (path.startsWith(DATASETS + ".")) {
            String rest = path.substring(DATASETS.length() + 1);
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return DATASET_TEMPLATE;
            }
            String leaf = rest.substring(dot + 1);
            if (leaf.matches("(" + Manifests.FREE_MAPS + ")\\..*")) {
                return null;
            }
            return DATASET_TEMPLATE + "." + leaf;
        }
        return path;
    }

    private static String suggestion(String path, Config reference) {
        int dot = path.lastIndexOf('.');
        String parent = dot < 0 ? "" : path.substring(0, dot);
        String leaf = path.substring(dot + 1);
        if (parent.isEmpty() || !reference.hasPath(parent)) {
            return "";
        }
        Set<String> siblings = reference.getConfig(parent).root().keySet();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String s : siblings) {
            int d = editDistance(leaf, s);
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        if (best != null && bestDistance <= Math.max(2, leaf.length() / 3)) {
            return "; did you mean '" + parent + "." + best + "'?";
        }
        return "; known keys under " + parent + ": " + String.join(", ", new java.util.TreeSet<>(siblings));
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
