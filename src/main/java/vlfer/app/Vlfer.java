package vlfer.app;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vlfer.config.SettingsException;

/** {@code vlfer <command> [options]}: the command-line entry point. */
public final class Vlfer {
    private static final Map<String, Command> COMMANDS = new TreeMap<>();

    static {
        for (Command c : List.of(new SynthCommand(), new TrainCommand(), new EvaluateCommand(), new DatasetsCommand(),
                new ReportCommand(), new RunsCommand(), new GateCommand(), new PromoteCommand())) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Vlfer() {
    }

    public static void main(String[] args) {
        QuietStdout.install();
        System.setProperty("java.awt.headless", "true"); // the report's charts are drawn off-screen
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            System.out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            System.err.println("vlfer: unknown command '" + args[0] + "'\n\n" + usage());
            return 2;
        }
        List<String> rest = new java.util.ArrayList<>(Arrays.asList(args).subList(1, args.length));
        boolean stackTrace = rest.remove("--stacktrace");
        try {
            return command.execute(rest);
        } catch (CliArgs.UsageException e) {
            System.err.println("vlfer " + command.name() + ": " + e.getMessage() + "\n\n" + command.usage());
            return 2;
        } catch (SettingsException e) {
            System.err.println("vlfer " + command.name() + ": configuration error:\n" + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("vlfer " + command.name() + " failed: " + describe(e));
            if (stackTrace) {
                e.printStackTrace();
            } else {
                System.err.println("(add --stacktrace for the full stack trace)");
            }
            return 1;
        }
    }

    /** The message chain of an exception, outermost first, without repeats. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        String last = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (last == null || !last.contains(m)) {
                sb.append(sb.length() == 0 ? "" : "\n  caused by: ").append(m);
            }
            last = m;
        }
        return sb.toString();
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("""
                vlfer: vision-language facial expression recognition on Spark + DL4J

                usage: vlfer <command> [options]    (vlfer <command> --help for its options)

                commands:
                """);
        for (Command c : COMMANDS.values()) {
            sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        }
        return sb.toString();
    }
}
