package vlfer.config;

import java.io.Serializable;

/** Everything a run needs, read once from the configuration and validated. */
public record VlferSettings(
        String runId,
        long seed,
        OutputSettings output,
        SynthConfig synth,
        DataSettings data,
        AugmentSettings augment,
        TextSettings text,
        ModelSettings model,
        MethodSettings method,
        TrainSettings train,
        SparkSettings spark) implements Serializable {
}
