package vlfer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} in headless mode: loads a page from disk and returns its DOM after
 * loading, or a screenshot. {@code .ci/run} installs it; elsewhere {@link #find()} says whether it is here.
 */
public final class HeadlessChromium {
    private final String binary;

    private HeadlessChromium(String binary) {
        this.binary = binary;
    }

    /** The browser on PATH (chromium or chromium-browser), or null. */
    public static HeadlessChromium find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return new HeadlessChromium(Path.of(dir, name).toString());
                }
            }
        }
        return null;
    }

    /** The page's DOM once loaded ({@code --dump-dom}). */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        Path out = Files.createTempFile("chromium-dom", ".html");
        try {
            run(List.of("--dump-dom", page.toUri().toString()), out);
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A screenshot of the page at {@code width} x {@code height} pixels, written to {@code png}. */
    public void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars",
                page.toUri().toString()), null);
        if (!Files.exists(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private void run(List<String> args, Path stdout) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path log = Files.createTempFile("chromium", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in 120 s: " + Files.readString(log));
        }
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited with " + p.exitValue() + ": " + Files.readString(log));
        }
    }
}
