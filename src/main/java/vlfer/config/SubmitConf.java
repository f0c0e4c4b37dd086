package vlfer.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Spark properties of a vlfer configuration as spark-submit {@code --conf} values, for
 * {@code deploy/spark-submit.sh}: properties the driver JVM reads at launch (spark.driver.memory,
 * spark.driver.extraJavaOptions) are too late once vlfer runs, so the script passes them at submit
 * time. Runs without Spark on the class path (the dist jar leaves Spark out). Credentials are not
 * printed (they would show on a process list): the session still applies them when it starts.
 * <p>{@code java -cp vlfer-spark.jar vlfer.config.SubmitConf [vlfer arguments]}: reads --config and
 * --set from the arguments, ignores the rest, prints one {@code key=value} line per property.
 */
public final class SubmitConf {
    private SubmitConf() {
    }

    public static void main(String[] args) {
        try {
            System.out.print(lines(List.of(args)));
        } catch (SettingsException | IllegalArgumentException e) {
            System.err.println("vlfer: configuration error:\n" + e.getMessage());
            System.exit(2);
        }
    }

    static String lines(List<String> args) {
        Path config = null;
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--config") || a.equals("-c")) && i + 1 < args.size()) {
                config = Path.of(args.get(++i));
            } else if (a.equals("--set") && i + 1 < args.size()) {
                overrides.add(args.get(++i));
            }
        }
        SparkSettings spark = new SettingsLoader().load(config, overrides).settings().spark();
        Map<String, String> props = new TreeMap<>(spark.conf());
        props.putIfAbsent("spark.app.name", spark.appName());
        StringBuilder sb = new StringBuilder();
        List<String> secret = new ArrayList<>();
        for (Map.Entry<String, String> e : props.entrySet()) {
            if (SettingsLoader.SECRET.matcher(e.getKey()).matches()) {
                secret.add(e.getKey());
                continue;
            }
            if (e.getValue().contains("\n")) {
                throw new IllegalArgumentException("vlfer.spark.conf.\"" + e.getKey() + "\" holds a line break");
            }
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        if (!secret.isEmpty()) {
            System.err.println("vlfer: not on the spark-submit command line (credentials; the session applies them): " + secret);
        }
        return sb.toString();
    }
}
