package vlfer.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import vlfer.config.MethodSettings;
import vlfer.model.expclip.ExpclipMethod;
import vlfer.model.expclip.ExpclipSettings;

/**
 * The registry of training methods by configuration name ({@code vlfer.method.name}): each entry
 * reads its own block of {@code vlfer.method} and makes the run's method from it. Adding a method:
 * its class and settings record, its block in reference.conf, one line here.
 */
public final class TrainingMethods {
    private static final Map<String, Function<MethodSettings, TrainingMethod>> METHODS = new TreeMap<>(Map.of(
            "ke2nt", s -> new Ke2ntMethod(Ke2ntSettings.read(s.of("ke2nt"))),
            "ce", s -> new CeMethod(),
            "cliper", s -> new CliperMethod(CliperSettings.read(s.of("cliper"))),
            "expclip", s -> new ExpclipMethod(ExpclipSettings.read(s.of("expclip"))),
            "zeroshot", s -> new ZeroShotMethod(ZeroshotSettings.read(s.of("zeroshot")))));

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
