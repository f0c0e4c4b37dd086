package vlfer.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vlfer.config.LoadedSettings;
import vlfer.config.SettingsLoader;

/** Settings for tests: the embedded reference.conf with a few overrides, output under a temp folder. */
public final class TestRuns {
    private TestRuns() {
    }

    /** Settings with a class's own {@code base} overrides, then a test's {@code more}. */
    public static LoadedSettings settings(Path work, List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return settings(work, all.toArray(String[]::new));
    }

    public static LoadedSettings settings(Path work, String... overrides) {
        List<String> all = new ArrayList<>(List.of(
                "vlfer.output.dir=\"" + work.resolve("out") + "\"",
                "vlfer.synth.dir=\"" + work.resolve("synthetic-rafdb") + "\"",
                "vlfer.synth.train-per-class=20",
                "vlfer.synth.test-per-class=10",
                "vlfer.train.epochs=2"));
        all.addAll(List.of(overrides));
        return new SettingsLoader().load(null, all);
    }
}
