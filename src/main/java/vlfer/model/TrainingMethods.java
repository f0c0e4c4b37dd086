package vlfer.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import vlfer.config.MethodSettings;
import vlfer.model.expclip.ExpclipMethod;

/** The registry of training methods by configuration name ({@code vlfer.method.name}): each entry makes the run's method from its settings. */
public final class TrainingMethods {
    private static final Map<String, Function<MethodSettings, TrainingMethod>> METHODS = new TreeMap<>(Map.of(
            "ke2nt", s -> new Ke2ntMethod(s.ke2nt()),
            "ce", s -> new CeMethod(),
            "cliper", s -> new CliperMethod(s.cliper()),
            "expclip", s -> new ExpclipMethod(s.expclip()),
            "zeroshot", s -> new ZeroShotMethod(s.zeroshot())));

    private TrainingMethods() {
    }

    /** The method {@code settings.name()}, holding its own settings for the run. */
    public static TrainingMethod create(MethodSettings settings) {
        Function<MethodSettings, TrainingMethod> entry = METHODS.get(settings.name());
        if (entry == null) {
            throw new IllegalArgumentException("unknown method '" + settings.name() + "' (vlfer.method.name); known methods: "
                    + METHODS.keySet());
        }
        return entry.apply(settings);
    }
}
