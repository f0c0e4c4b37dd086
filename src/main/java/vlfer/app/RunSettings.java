package vlfer.app;

import java.nio.file.Path;
import java.util.List;
import vlfer.config.DatasetSettings;
import vlfer.config.LoadedSettings;
import vlfer.config.SettingsLoader;
import vlfer.config.VlferSettings;
import vlfer.data.DatasetFormats;
import vlfer.data.synth.SynthSettings;
import vlfer.model.TrainingMethods;
import vlfer.model.encoder.EncoderRegistry;
import vlfer.text.TextEncoderRegistry;

/**
 * The settings of a command, loaded by {@code config} and then checked by the pipeline parts that
 * own them (each registry entry reads its own block), all before any work: the method, the
 * encoder and its weights, the text encoder, the synthetic faces and every declared dataset. Each
 * failure is a configuration error naming the key and where its value came from.
 */
final class RunSettings {
    private RunSettings() {
    }

    static LoadedSettings load(Path confFile, List<String> overrides) {
        LoadedSettings loaded = new SettingsLoader().load(confFile, overrides);
        check(loaded.settings());
        return loaded;
    }

    static void check(VlferSettings s) {
        TrainingMethods.create(s.method(), s.text()).checkEncoder(s.model());
        EncoderRegistry.create(s.model());
        EncoderWeights.check(s.model());
        TextEncoderRegistry.spec(s.text());
        SynthSettings.read(s.synth());
        DatasetFormats.forSynth(s.synth());
        for (DatasetSettings ds : s.data().datasets().values()) {
            DatasetFormats.forDataset(ds);
        }
    }
}
