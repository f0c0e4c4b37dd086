package vlfer.app;

import java.util.List;

/** One {@code vlfer <command>}: parses its arguments, calls a run(...) and prints the summary. */
interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** Full usage text for {@code --help}. */
    String usage();

    /** Runs the command; returns the process exit code. */
    int execute(List<String> args) throws Exception;

    /** Options common to every command, for usage texts. */
    String COMMON_OPTIONS = """
              --config FILE      a conf file overriding the embedded reference.conf (e.g. conf/local.conf)
              --set KEY=VALUE    override one key (repeatable), e.g. --set vlfer.train.epochs=3
              --stacktrace       print the full stack trace of a failure
              --help             this text
            Keys can also be set as JVM system properties (-Dvlfer.train.epochs=3).""";
}
