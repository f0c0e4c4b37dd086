package vlfer.app;

import java.util.List;
import vlfer.config.LoadedSettings;
import vlfer.data.synth.SynthesisSummary;

/** {@code vlfer synth}: writes the deterministic synthetic faces in the RAF-DB layout. */
final class SynthCommand implements Command {
    @Override
    public String name() {
        return "synth";
    }

    @Override
    public String summary() {
        return "generate the synthetic FACS faces (RAF-DB layout) at vlfer.synth.dir";
    }

    @Override
    public String usage() {
        return """
                usage: vlfer synth [options]

                Draws the project's deterministic synthetic faces (expressions built from FACS action units)
                and writes them in the real RAF-DB layout under vlfer.synth.dir, with a facial-action
                description per face. Skips the work when the folder already holds the same settings.

                options:
                """ + COMMON_OPTIONS;
    }

    @Override
    public int execute(List<String> args) {
        CliArgs cli = CliArgs.parse(args, List.of(), List.of());
        if (cli.help()) {
            System.out.println(usage());
            return 0;
        }
        LoadedSettings loaded = RunSettings.load(cli.config(), cli.overrides());
        SynthesisSummary summary = SynthJob.run(loaded.settings());
        System.out.println(SummaryPrinter.synth(summary));
        return 0;
    }
}
