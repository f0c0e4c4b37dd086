package vlfer.data.labels;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import vlfer.data.Expression;

/**
 * How one source format writes its labels: each label token as it appears in the files (an id such
 * as "5", a folder name such as "Happy", a column name such as "contempt") maps to a canonical
 * expression, or is excluded by the dataset's own protocol (AffectNet's "none"), with the reason.
 */
public record LabelMap(String name, Map<String, Expression> classes, Map<String, String> excluded) implements Serializable {
    public LabelMap {
        classes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        excluded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        for (String token : excluded.keySet()) {
            if (classes.containsKey(token)) {
                throw new IllegalArgumentException("label map " + name + ": token '" + token + "' is both a class and excluded");
            }
        }
    }

    /** What a token means: a class, a protocol exclusion, or unknown (bad data). */
    public sealed interface Outcome permits Known, Excluded, Unknown {
    }

    public record Known(Expression expression) implements Outcome {
    }

    public record Excluded(String reason) implements Outcome {
    }

    public record Unknown() implements Outcome {
    }

    public Outcome lookup(String token) {
        Expression e = classes.get(token);
        if (e != null) {
            return new Known(e);
        }
        String reason = excluded.get(token);
        return reason != null ? new Excluded(reason) : new Unknown();
    }

    /** The token a writer uses for an expression (the synthetic generator writes real layouts). */
    public String tokenOf(Expression e) {
        for (Map.Entry<String, Expression> en : classes.entrySet()) {
            if (en.getValue() == e) {
                return en.getKey();
            }
        }
        throw new IllegalArgumentException(e.noun() + " has no label in " + name);
    }

    /** The tokens this map knows, for error messages. */
    public String tokens() {
        java.util.List<String> all = new java.util.ArrayList<>(classes.keySet());
        all.addAll(excluded.keySet());
        return String.join(", ", all);
    }
}
