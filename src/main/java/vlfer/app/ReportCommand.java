package vlfer.app;

import java.util.List;

/** {@code vlfer report --run-id ID}: (re)writes a run's report.html from the tables. */
final class ReportCommand implements Command {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "write runs/<run-id>/report.html from the tables (train and evaluate write it too)";
    }

    @Override
    public String usage() {
        return """
                usage: vlfer report --run-id ID [options]

                Reads the run's rows from the metrics, predictions and history tables and its run folder, and
                writes runs/<run-id>/report.html: one self-contained page (provenance, data and rejects, loss and
                learning-rate curves, images/s, per-class recall and precision, confusion heat maps, the most
                confident mistakes). Needs no network to view.

                options:
                  --run-id ID        the run
                """ + TablesAccess.OUTPUT_OPTION + COMMON_OPTIONS;
    }

    @Override
    public int execute(List<String> args) {
        CliArgs cli = CliArgs.parse(args, List.of(), List.of("--run-id", "--output"));
        if (cli.help()) {
            System.out.println(usage());
            return 0;
        }
        String runId = TablesAccess.required(cli, "--run-id");
        TablesAccess t = TablesAccess.open(cli);
        RunFolder run = new RunFolder(t.spark().sparkContext().hadoopConfiguration(), t.outputDir(), runId);
        System.out.println("report: " + RunReport.writeOrFail(t.spark(), t.outputDir(), run));
        return 0;
    }
}
