package vlfer.app;

import java.util.List;
import vlfer.config.LoadedSettings;
import vlfer.config.SettingsLoader;

/** {@code vlfer train}: train on the configured dataset, then evaluate and write the tables. */
final class TrainCommand implements Command {
    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train the configured method with Spark parameter averaging, then evaluate";
    }

    @Override
    public String usage() {
        return """
                usage: vlfer train [options]

                Reads vlfer.data.train, encodes the class prompts once on the driver, trains the visual encoder
                on the executors with DL4J parameter averaging (a checkpoint after every epoch), then evaluates
                every dataset in vlfer.data.evaluate and writes the metrics and predictions tables under
                vlfer.output.dir. Needs a Spark master (spark-submit, or -Dspark.master=local[2]).

                options:
                  --resume           continue the run (vlfer.run-id) from its latest checkpoint; refused, naming
                                     the keys, when the checkpoint was made with other settings
                  --resume-anyway    continue it even so (the differences are logged)
                  --resume-or-start  continue the run from its latest checkpoint if it has one, else start it
                                     (removing what an attempt without a checkpoint left): for scheduler retries
                  --overwrite        replace an earlier run of the run id: its checkpoints, model, report, rejects
                                     and every table row of the run id are removed first (without it, a fresh
                                     run of an existing run id is refused)
                  --take-over-lock   take the run's lock from a holder that stopped beating (the lock in
                                     runs/<run-id>/run.lock names it; --resume takes over such a lock itself)
                  --folds SPEC       train and evaluate folds SPEC (1-5, or 1,3) of the training dataset's
                                     k-fold protocol as runs <run-id>-fold<f>, then write their mean and
                                     standard deviation under <run-id>; finished folds are skipped
                """ + COMMON_OPTIONS;
    }

    @Override
    public int execute(List<String> args) {
        CliArgs cli = CliArgs.parse(args, List.of("--resume", "--resume-anyway", "--resume-or-start", "--overwrite",
                "--take-over-lock"), List.of("--folds"));
        if (cli.help()) {
            System.out.println(usage());
            return 0;
        }
        if (cli.option("--folds") != null) {
            List<String> ignored = cli.flags();
            if (!ignored.isEmpty()) {
                throw new CliArgs.UsageException("--folds resumes each fold from its checkpoints by itself; it takes none of "
                        + String.join(", ", ignored) + " (to retrain the folds, choose another vlfer.run-id)");
            }
            for (RunSummary fold : FoldsJob.run(cli.config(), cli.overrides(), FoldsJob.parse(cli.option("--folds")))) {
                System.out.println(SummaryPrinter.run(fold));
            }
            return 0;
        }
        // TrainJob checks the settings (RunContext.open) before Spark starts: load without checking twice
        LoadedSettings loaded = new SettingsLoader().load(cli.config(), cli.overrides());
        RunSummary summary = TrainJob.run(loaded, start(cli), cli.has("--take-over-lock"));
        System.out.println(SummaryPrinter.run(summary));
        return 0;
    }

    private static NetworkStage.Start start(CliArgs cli) {
        List<String> how = List.of("--resume", "--resume-anyway", "--resume-or-start", "--overwrite").stream()
                .filter(cli::has).toList();
        if (how.size() > 1) {
            throw new CliArgs.UsageException("choose one of " + String.join(", ", how));
        }
        return how.isEmpty() ? NetworkStage.Start.FRESH : switch (how.get(0)) {
            case "--resume" -> NetworkStage.Start.RESUME;
            case "--resume-anyway" -> NetworkStage.Start.RESUME_ANYWAY;
            case "--resume-or-start" -> NetworkStage.Start.RESUME_OR_START;
            default -> NetworkStage.Start.OVERWRITE;
        };
    }
}
