package vlfer.data.labels;

import static vlfer.data.Expression.ANGER;
import static vlfer.data.Expression.ANXIETY;
import static vlfer.data.Expression.CONTEMPT;
import static vlfer.data.Expression.DISAPPOINTMENT;
import static vlfer.data.Expression.DISGUST;
import static vlfer.data.Expression.FEAR;
import static vlfer.data.Expression.HAPPINESS;
import static vlfer.data.Expression.HELPLESSNESS;
import static vlfer.data.Expression.NEUTRAL;
import static vlfer.data.Expression.SADNESS;
import static vlfer.data.Expression.SURPRISE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vlfer.data.Expression;

/**
 * The mapping table of every source format, by name. The orders differ between datasets (RAF-DB
 * starts with surprise, DFEW with happiness, AffectNet with neutral): each table is written out
 * from the dataset's own documentation and covered by a test.
 */
public final class LabelMaps {
    /** RAF-DB basic: list_patition_label.txt ids 1..7. */
    public static final LabelMap RAFDB = ids("rafdb", 1, List.of(SURPRISE, FEAR, DISGUST, HAPPINESS, SADNESS, ANGER, NEUTRAL), Map.of());

    /** AffectNet expression ids 0..10; 8 none, 9 uncertain and 10 no-face are not expressions. */
    public static final LabelMap AFFECTNET = ids("affectnet", 0,
            List.of(NEUTRAL, HAPPINESS, SADNESS, SURPRISE, FEAR, DISGUST, ANGER, CONTEMPT),
            ordered("8", "not-an-expression", "9", "uncertain", "10", "not-a-face"));

    /** FERPlus vote columns of fer2013new.csv; the majority winner's column name is the token. */
    public static final LabelMap FERPLUS = names("ferplus", ordered(
            "neutral", NEUTRAL, "happiness", HAPPINESS, "surprise", SURPRISE, "sadness", SADNESS,
            "anger", ANGER, "disgust", DISGUST, "fear", FEAR, "contempt", CONTEMPT),
            ordered("unknown", "unknown-expression", "NF", "not-a-face"));

    /** SFEW 2.0 class folders (FERV39k and CAER-S name classes the same way, CAER-S with "Anger"). */
    public static final LabelMap SFEW = names("sfew", ordered(
            "Angry", ANGER, "Disgust", DISGUST, "Fear", FEAR, "Happy", HAPPINESS, "Neutral", NEUTRAL,
            "Sad", SADNESS, "Surprise", SURPRISE), Map.of());

    /** FERV39k emotion names, in its index files and folder names. */
    public static final LabelMap FERV39K = names("ferv39k", SFEW.classes(), Map.of());

    /** DFEW single-labelled ids 1..7. */
    public static final LabelMap DFEW = ids("dfew", 1, List.of(HAPPINESS, SADNESS, NEUTRAL, ANGER, SURPRISE, DISGUST, FEAR), Map.of());

    /** MAFW's eleven lower-case class names. */
    public static final LabelMap MAFW = names("mafw", ordered(
            "anger", ANGER, "disgust", DISGUST, "fear", FEAR, "happiness", HAPPINESS, "neutral", NEUTRAL,
            "sadness", SADNESS, "surprise", SURPRISE, "contempt", CONTEMPT, "anxiety", ANXIETY,
            "helplessness", HELPLESSNESS, "disappointment", DISAPPOINTMENT), Map.of());

    private static final Map<String, LabelMap> BY_NAME = new TreeMap<>();

    static {
        for (LabelMap m : List.of(RAFDB, AFFECTNET, FERPLUS, SFEW, FERV39K, DFEW, MAFW)) {
            BY_NAME.put(m.name(), m);
        }
    }

    private LabelMaps() {
    }

    public static LabelMap named(String name) {
        LabelMap m = BY_NAME.get(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown label map '" + name + "'; known: " + BY_NAME.keySet());
        }
        return m;
    }

    /** A table given inline in a manifest: token = class noun, or token = "-" to exclude it. */
    public static LabelMap inline(String name, Map<String, String> table) {
        Map<String, Expression> classes = new LinkedHashMap<>();
        Map<String, String> excluded = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : table.entrySet()) {
            if (e.getValue().equals("-")) {
                excluded.put(e.getKey(), "excluded-by-label-map");
            } else {
                classes.put(e.getKey(), Expression.fromNoun(e.getValue()));
            }
        }
        return new LabelMap(name, classes, excluded);
    }

    private static LabelMap ids(String name, int first, List<Expression> order, Map<String, String> excluded) {
        Map<String, Expression> m = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            m.put(Integer.toString(first + i), order.get(i));
        }
        return new LabelMap(name, m, excluded);
    }

    private static LabelMap names(String name, Map<String, Expression> classes, Map<String, String> excluded) {
        return new LabelMap(name, classes, excluded);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... kv) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (V) kv[i + 1]);
        }
        return m;
    }
}
