package vlfer.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registry of training methods, by configuration name ({@code vlfer.method.name}). */
public final class TrainingMethods {
    private static final Map<String, TrainingMethod> METHODS = new TreeMap<>();

    static {
        for (TrainingMethod m : List.<TrainingMethod>of(new Ke2ntMethod(), new CeMethod(), new CliperMethod(), new ExpclipMethod(),
                new ZeroShotMethod())) {
            METHODS.put(m.name(), m);
        }
    }

    private TrainingMethods() {
    }

    public static TrainingMethod forName(String name) {
        TrainingMethod m = METHODS.get(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown method '" + name + "' (vlfer.method.name); known methods: "
                    + METHODS.keySet());
        }
        return m;
    }
}
