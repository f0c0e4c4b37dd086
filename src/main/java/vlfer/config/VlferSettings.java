package vlfer.config;

/**
 * Everything a run needs, read once from the configuration and validated (a method's own block when
 * the run makes its method). Stays on the driver: executors receive values, never the settings.
 */
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
        EvalSettings eval,
        SparkSettings spark) {
}
