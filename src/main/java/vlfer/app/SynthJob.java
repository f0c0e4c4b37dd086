package vlfer.app;

import java.nio.file.Path;
import vlfer.config.VlferSettings;
import vlfer.data.synth.SynthSettings;
import vlfer.data.synth.SynthesisSummary;
import vlfer.data.synth.SyntheticFaceGenerator;

/** {@code vlfer synth} as a callable. */
public final class SynthJob {
    private SynthJob() {
    }

    public static SynthesisSummary run(VlferSettings s) {
        return new SyntheticFaceGenerator(SynthSettings.read(s.synth())).write(Path.of(s.synth().dir()), s.synth().layout());
    }
}
