package vlfer.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered classes a model predicts: class index i is {@code classes().get(i)}.
 * Saved with every model so that a prediction can always be named.
 */
public record LabelVocabulary(List<Expression> classes) implements Serializable {

    /** The seven basic expressions (RAF-DB, SFEW, DFEW, FERV39k, AffectNet-7), canonical order. */
    public static final LabelVocabulary BASIC_7 = new LabelVocabulary(List.of(
            Expression.NEUTRAL, Expression.HAPPINESS, Expression.SADNESS, Expression.SURPRISE,
            Expression.FEAR, Expression.DISGUST, Expression.ANGER));

    /** The seven basic expressions plus contempt (FERPlus, AffectNet-8). */
    public static final LabelVocabulary BASIC_8 = new LabelVocabulary(List.of(
            Expression.NEUTRAL, Expression.HAPPINESS, Expression.SADNESS, Expression.SURPRISE,
            Expression.FEAR, Expression.DISGUST, Expression.ANGER, Expression.CONTEMPT));

    /** MAFW's eleven classes: the basic eight plus anxiety, helplessness and disappointment. */
    public static final LabelVocabulary MAFW_11 = new LabelVocabulary(List.of(
            Expression.NEUTRAL, Expression.HAPPINESS, Expression.SADNESS, Expression.SURPRISE,
            Expression.FEAR, Expression.DISGUST, Expression.ANGER, Expression.CONTEMPT,
            Expression.ANXIETY, Expression.HELPLESSNESS, Expression.DISAPPOINTMENT));

    private static final java.util.Map<String, LabelVocabulary> NAMED = java.util.Map.of(
            "basic-7", BASIC_7, "basic-8", BASIC_8, "mafw-11", MAFW_11);

    /** A class set by name: basic-7, basic-8 or mafw-11. */
    public static LabelVocabulary named(String name) {
        LabelVocabulary v = NAMED.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown class set '" + name + "'; known: " + new java.util.TreeSet<>(NAMED.keySet())
                    + ", or a list of class names");
        }
        return v;
    }

    public LabelVocabulary {
        classes = List.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a label vocabulary needs at least one class");
        }
        if (classes.stream().distinct().count() != classes.size()) {
            throw new IllegalArgumentException("duplicate class in label vocabulary " + classes);
        }
    }

    public int size() {
        return classes.size();
    }

    public Expression get(int index) {
        return classes.get(index);
    }

    /** Index of a class, or an error naming the vocabulary when the class is not in it. */
    public int indexOf(Expression e) {
        int i = classes.indexOf(e);
        if (i < 0) {
            throw new IllegalArgumentException(e.noun() + " is not in the label vocabulary " + names());
        }
        return i;
    }

    public boolean contains(Expression e) {
        return classes.contains(e);
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(classes.size());
        for (Expression e : classes) {
            names.add(e.noun());
        }
        return names;
    }

    /**
     * A class subset as a manifest or configuration gives it: one set name (basic-7, basic-8,
     * mafw-11) or the class names in order.
     */
    public static LabelVocabulary chosen(List<String> names) {
        return names.size() == 1 && NAMED.containsKey(names.get(0)) ? NAMED.get(names.get(0)) : parse(names);
    }

    /** Parses "neutral,happiness,...". */
    public static LabelVocabulary parse(List<String> nouns) {
        List<Expression> list = new ArrayList<>();
        for (String n : nouns) {
            list.add(Expression.fromNoun(n));
        }
        return new LabelVocabulary(list);
    }
}
