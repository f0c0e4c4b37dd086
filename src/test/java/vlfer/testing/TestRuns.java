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
