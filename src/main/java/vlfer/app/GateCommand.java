package vlfer.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vlfer.release.ChampionPointer;
import vlfer.release.Gate;
import vlfer.release.GateVerdict;
import vlfer.release.Promotion;
import vlfer.report.RunComparison;
import vlfer.report.RunLine;

/** {@code vlfer gate}: exit 0 when a run is good enough to promote, 3 when not, with the reasons. */
final class GateCommand implements Command {
    static final int FAILED = 3;

    @Override
    public String name() {
        return "gate";
    }

    @Override
    public String summary() {
        return "check a run's WAR against a floor and the current champion (exit 0 pass, 3 fail)";
    }

    @Override
    public String usage() {
        return """
                usage: vlfer gate --run-id ID --min-war X [--against NAME --max-drop Y] [options]

                Reads the run's WAR from the metrics table for every evaluated dataset/split and checks it:
                at least X on each, and, with --against, at most Y below the WAR of the champion promoted as
                NAME on each split both were evaluated on (no champion yet: that check passes). Prints one
                line per check. Exit code 0 when every check passes, 3 when one fails.

                options:
                  --run-id ID        the run to check
                  --min-war X        the WAR floor, a fraction (0.9 for 90%)
                  --against NAME     compare with the champion of NAME (vlfer promote --as NAME)
                  --max-drop Y       the WAR the run may lose against the champion (default 0)
                  --dataset D        check only dataset D
                  --split S          check only split S
                """ + TablesAccess.OUTPUT_OPTION + COMMON_OPTIONS;
    }

    @Override
    public int execute(List<String> args) {
        CliArgs cli = CliArgs.parse(args, List.of(),
                List.of("--run-id", "--min-war", "--against", "--max-drop", "--dataset", "--split", "--output"));
        if (cli.help()) {
            System.out.println(usage());
            return 0;
        }
        String runId = TablesAccess.required(cli, "--run-id");
        double minWar = TablesAccess.fraction(cli, "--min-war", null);
        double maxDrop = TablesAccess.fraction(cli, "--max-drop", "0");
        String against = cli.option("--against");
        TablesAccess t = TablesAccess.open(cli);
        List<RunLine> all = RunComparison.read(t.spark(), t.outputDir(), null);
        Map<String, Double> run = war(all, runId, cli);
        Map<String, Double> champion = null;
        String championRun = null;
        if (against != null) {
            Optional<ChampionPointer> p = new Promotion(t.spark().sparkContext().hadoopConfiguration(), t.outputDir())
                    .champion(against);
            if (p.isPresent()) {
                championRun = p.get().runId();
                champion = war(all, championRun, cli);
            }
        }
        GateVerdict verdict = Gate.check(run, minWar, against, championRun, champion, maxDrop);
        System.out.print(verdict.text(runId));
        return verdict.passed() ? 0 : FAILED;
    }

    private static Map<String, Double> war(List<RunLine> lines, String runId, CliArgs cli) {
        Map<String, Double> out = new TreeMap<>();
        for (RunLine l : lines) {
            if (l.runId().equals(runId) && matches(cli.option("--dataset"), l.dataset()) && matches(cli.option("--split"), l.split())
                    && !Double.isNaN(l.war())) {
                out.put(l.dataset() + "/" + l.split(), l.war());
            }
        }
        return out;
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.equals(value);
    }
}
