package vlfer.app;

import java.util.List;
import vlfer.config.DatasetSettings;
import vlfer.config.LoadedSettings;
import vlfer.config.SettingsLoader;
import vlfer.data.DatasetFormats;
import vlfer.spark.HadoopConfs;

/** {@code vlfer datasets describe}: what a manifest's files hold, before any training. */
final class DatasetsCommand implements Command {
    @Override
    public String name() {
        return "datasets";
    }

    @Override
    public String summary() {
        return "describe a dataset manifest: samples per split and class, rejects by reason, label mapping";
    }

    @Override
    public String usage() {
        return """
                usage: vlfer datasets describe --manifest FILE [--root DIR] [--json] [--verify-images] [options]

                Reads every split a manifest names (train-split and eval-splits) with the real reader,
                on local disk or s3a://, and prints per split and class the number of samples, the rows
                rejected as bad data (by reason, with examples: file, line, detail), the rows the dataset's
                own protocol excludes, and the resolved label mapping. The first thing to run on a new
                dataset. No Spark is started.

                  --manifest FILE    a manifest file, or the name of one shipped in data-manifests/ (rafdb.conf)
                  --root DIR         the dataset root, overriding the manifest's (a path or s3a://bucket/prefix)
                  --json             print JSON instead of the report
                  --verify-images    also decode every image (every frame of every clip) and count failures
                  --check            exit with code 3 when a split's rejects exceed vlfer.data.max-reject-fraction
                                     (e.g. --set vlfer.data.max-reject-fraction=0.02): a data gate for schedulers
                  --threads N        threads for --verify-images (default: the number of cores)

                S3 settings (endpoint, path style, credentials provider) are the spark.hadoop.* entries of
                vlfer.spark.conf, e.g. --set 'vlfer.spark.conf."spark.hadoop.fs.s3a.endpoint"=http://127.0.0.1:9000'.

                options:
                """ + COMMON_OPTIONS;
    }

    @Override
    public int execute(List<String> args) {
        CliArgs cli = CliArgs.parse(args, List.of("--json", "--verify-images", "--check"), List.of("--manifest", "--root", "--threads"));
        if (cli.help()) {
            System.out.println(usage());
            return 0;
        }
        if (cli.positional().size() != 1 || !cli.positional().get(0).equals("describe")) {
            throw new CliArgs.UsageException("expected 'vlfer datasets describe --manifest FILE'");
        }
        String manifest = cli.option("--manifest");
        if (manifest == null) {
            throw new CliArgs.UsageException("--manifest FILE is required");
        }
        int threads = Runtime.getRuntime().availableProcessors();
        if (cli.option("--threads") != null) {
            try {
                threads = Integer.parseInt(cli.option("--threads"));
            } catch (NumberFormatException e) {
                throw new CliArgs.UsageException("--threads needs a number, got " + cli.option("--threads"));
            }
        }
        LoadedSettings loaded = RunSettings.load(cli.config(), cli.overrides());
        DatasetSettings ds = SettingsLoader.manifest(manifest, cli.option("--root"));
        DatasetFormats.forDataset(ds);
        DatasetDescription d = DescribeJob.run(ds, loaded.settings().data(), HadoopConfs.fromSparkConf(loaded.settings().spark().conf()),
                cli.has("--verify-images"), threads);
        System.out.println(cli.has("--json") ? DescriptionPrinter.json(d) : DescriptionPrinter.text(d));
        if (cli.has("--check")) {
            List<String> over = d.splits().stream().map(DatasetDescription.SplitDescription::overBudget)
                    .filter(java.util.Objects::nonNull).toList();
            if (!over.isEmpty()) {
                System.err.println("data check FAILED:\n  " + String.join("\n  ", over));
                return GateCommand.FAILED;
            }
            System.err.println("data check passed: every split within vlfer.data.max-reject-fraction ("
                    + loaded.settings().data().maxRejectFraction() + ")");
        }
        return 0;
    }
}
