package vlfer.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Drops the debug lines ND4J 1.0.0-M2.1's SameDiff prints unconditionally to System.out
 * ("Added differentiated op ...", one per op, whenever a network with a SameDiff layer is built),
 * so the CLI's own output stays readable. Every other line passes through unchanged.
 */
public final class QuietStdout extends OutputStream {
    private static final String NOISE = "Added differentiated op ";

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private QuietStdout(PrintStream target) {
        this.target = target;
    }

    public static void install() {
        System.setOut(new PrintStream(new QuietStdout(System.out), true, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            flushLine();
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0 && !startsWithNoise()) {
            flushLine();
        }
        target.flush();
    }

    private boolean startsWithNoise() {
        return line.toString(StandardCharsets.UTF_8).startsWith(NOISE);
    }

    private void flushLine() {
        if (!startsWithNoise()) {
            target.write(line.toByteArray(), 0, line.size());
        }
        line.reset();
    }
}
