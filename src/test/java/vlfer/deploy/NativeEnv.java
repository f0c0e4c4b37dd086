package vlfer.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** deploy/native-env.sh's malloc settings, read by sourcing the file as the launchers do. */
final class NativeEnv {
    private NativeEnv() {
    }

    static String projectSettings() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". deploy/native-env.sh && printf '%s' \"$GLIBC_TUNABLES\"");
        pb.environment().remove("GLIBC_TUNABLES");
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isBlank()) {
            throw new IllegalStateException("deploy/native-env.sh gave no GLIBC_TUNABLES: " + out);
        }
        return out;
    }
}
