package vlfer.app;

import java.util.List;
import vlfer.release.ChampionPointer;
import vlfer.release.Promotion;

/** {@code vlfer promote --run-id ID --as NAME}: make a run's model the champion of NAME. */
final class PromoteCommand implements Command {
    @Override
    public String name() {
        return "promote";
    }

    @Override
    public String summary() {
        return "make a run's model the champion of a name (models/NAME/champion.json)";
    }

    @Override
    public String usage() {
        return """
                usage: vlfer promote --run-id ID --as NAME [options]

                Copies runs/<ID>/model.zip and its model card to models/NAME/versions/<ID>/ under the output
                folder, then points models/NAME/champion.json at them (each file written under a temporary name
                and renamed into place). The previous champion's copy is kept and named in the pointer. Promoting
                the current champion again changes nothing. Run 'vlfer gate' first.

                options:
                  --run-id ID        the run whose model.zip is promoted
                  --as NAME          the name served (letters, digits, '.', '_', '-')
                """ + TablesAccess.OUTPUT_OPTION + COMMON_OPTIONS;
    }

    @Override
    public int execute(List<String> args) {
        CliArgs cli = CliArgs.parse(args, List.of(), List.of("--run-id", "--as", "--output"));
        if (cli.help()) {
            System.out.println(usage());
            return 0;
        }
        String runId = TablesAccess.required(cli, "--run-id");
        String name = TablesAccess.required(cli, "--as");
        TablesAccess t = TablesAccess.open(cli);
        Promotion.Outcome o = new Promotion(t.spark().sparkContext().hadoopConfiguration(), t.outputDir()).promote(runId, name);
        ChampionPointer p = o.champion();
        if (o.unchanged()) {
            System.out.println("run " + runId + " already is the champion of '" + name + "' (since " + p.promotedAt() + ")");
        } else {
            System.out.println("promoted run " + runId + " as '" + name + "'\n  model:    " + p.model() + "\n  card:     " + p.card()
                    + "\n  previous: " + (p.previousRunId() == null ? "none" : p.previousRunId() + " (" + p.previousModel() + ")"));
        }
        return 0;
    }
}
