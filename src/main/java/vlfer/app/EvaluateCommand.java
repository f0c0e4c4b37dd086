package vlfer.app;

import java.util.List;
import vlfer.config.LoadedSettings;

/** {@code vlfer evaluate --model FILE}: evaluate a saved model on the configured datasets. */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "evaluate a saved model on vlfer.data.evaluate and write the tables";
    }

    @Override
    public String usage() {
        return """
                usage: vlfer evaluate --model FILE [options]

                Loads a model file written by 'vlfer train' (runs/<run-id>/model.zip or a checkpoint), evaluates
                it on every dataset in vlfer.data.evaluate and writes the metrics and predictions tables under
                vlfer.output.dir, in the model's run id (replacing that run's rows for those datasets).

                options:
                  --model FILE       the model file (local path or s3a://...)
                """ + COMMON_OPTIONS;
    }

    @Override
    public int execute(List<String> args) {
        CliArgs cli = CliArgs.parse(args, List.of(), List.of("--model"));
        if (cli.help()) {
            System.out.println(usage());
            return 0;
        }
        String model = cli.option("--model");
        if (model == null) {
            throw new CliArgs.UsageException("--model is required");
        }
        LoadedSettings loaded = RunSettings.load(cli.config(), cli.overrides());
        RunSummary summary = EvaluateJob.run(loaded, model);
        System.out.println(SummaryPrinter.run(summary));
        return 0;
    }
}
