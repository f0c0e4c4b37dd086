package vlfer.app;

import org.apache.spark.sql.SparkSession;
import vlfer.config.LoadedSettings;
import vlfer.config.SettingsLoader;
import vlfer.spark.SparkSessions;

/**
 * What the commands that read the tables share (report, runs, gate, promote): the output folder
 * ({@code --output DIR}, else {@code vlfer.output.dir}) and a Spark session to read it with (spark-submit's,
 * else one in this JVM). Only the configuration's syntax and keys are checked: these commands
 * neither read datasets nor build networks.
 */
record TablesAccess(String outputDir, SparkSession spark) {
    static final String OUTPUT_OPTION = """
              --output DIR       the output folder holding tables/ and runs/ (default: vlfer.output.dir)
            """;

    static TablesAccess open(CliArgs cli) {
        LoadedSettings loaded = new SettingsLoader().load(cli.config(), cli.overrides());
        String out = cli.option("--output") != null ? cli.option("--output") : loaded.settings().output().dir();
        return new TablesAccess(out, SparkSessions.forTables(loaded.settings().spark()));
    }

    static String required(CliArgs cli, String option) {
        String v = cli.option(option);
        if (v == null) {
            throw new CliArgs.UsageException(option + " is required");
        }
        return v;
    }

    /** A fraction in 0..1 given to an option (e.g. --min-war 0.9). */
    static double fraction(CliArgs cli, String option, String orElse) {
        String v = cli.option(option) != null ? cli.option(option) : orElse;
        if (v == null) {
            throw new CliArgs.UsageException(option + " is required");
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliArgs.UsageException(option + " takes a fraction between 0 and 1 (0.9 for 90%), not '" + v + "'");
    }
}
