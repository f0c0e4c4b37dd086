package vlfer.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vlfer.report.RunComparison;
import vlfer.report.RunLine;

/** {@code vlfer runs}: the runs in the tables side by side. */
final class RunsCommand implements Command {
    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String summary() {
        return "list the runs in the tables side by side (WAR, UAR, macro-F1, protocol, faces, time)";
    }

    @Override
    public String usage() {
        return """
                usage: vlfer runs [--filter GLOB] [--html FILE] [options]

                One line per run and evaluated split, from the metrics and history tables: method, encoder,
                dataset/split, WAR, UAR, macro-F1, protocol, the evaluated epoch, faces trained over all epochs
                and training time. Sorted by dataset, split and run id.

                options:
                  --filter GLOB      only run ids matching GLOB (* and ?), e.g. 'compare-*'
                  --html FILE        also write the table as an HTML page
                """ + TablesAccess.OUTPUT_OPTION + COMMON_OPTIONS;
    }

    @Override
    public int execute(List<String> args) throws Exception {
        CliArgs cli = CliArgs.parse(args, List.of(), List.of("--output", "--filter", "--html"));
        if (cli.help()) {
            System.out.println(usage());
            return 0;
        }
        TablesAccess t = TablesAccess.open(cli);
        List<RunLine> lines = RunComparison.read(t.spark(), t.outputDir(), cli.option("--filter"));
        if (lines.isEmpty()) {
            System.out.println("no runs" + (cli.option("--filter") == null ? "" : " match '" + cli.option("--filter") + "'"));
            return 0;
        }
        System.out.print(RunComparison.text(lines));
        if (cli.option("--html") != null) {
            Path html = Path.of(cli.option("--html"));
            Path tmp = html.resolveSibling("." + html.getFileName() + ".tmp");
            Files.writeString(tmp, RunComparison.html(lines), StandardCharsets.UTF_8);
            Files.move(tmp, html, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.out.println("html: " + html.toAbsolutePath());
        }
        return 0;
    }
}
