package vlfer.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options every command shares: {@code --config FILE}, {@code --set key=value} (repeatable),
 * {@code --help}, plus the command's own flags and options.
 */
record CliArgs(Path config, List<String> overrides, boolean help, List<String> flags, List<String[]> options,
               List<String> positional) {

    static CliArgs parse(List<String> args, List<String> knownFlags, List<String> knownOptions) {
        Path config = null;
        List<String> overrides = new ArrayList<>();
        boolean help = false;
        List<String> flags = new ArrayList<>();
        List<String[]> options = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--help", "-h" -> help = true;
                case "--config", "-c" -> config = Path.of(value(args, ++i, a));
                case "--set" -> overrides.add(value(args, ++i, a));
                default -> {
                    if (knownFlags.contains(a)) {
                        flags.add(a);
                    } else if (knownOptions.contains(a)) {
                        options.add(new String[]{a, value(args, ++i, a)});
                    } else if (a.startsWith("-")) {
                        throw new UsageException("unknown option " + a);
                    } else {
                        positional.add(a);
                    }
                }
            }
        }
        return new CliArgs(config, overrides, help, flags, options, positional);
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    String option(String name) {
        String v = null;
        for (String[] o : options) {
            if (o[0].equals(name)) {
                v = o[1];
            }
        }
        return v;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    /** A command line that cannot be understood; printed with the command's usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
