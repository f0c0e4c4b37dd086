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

    /** Parses "neutral,happiness,...". */
    public static LabelVocabulary parse(List<String> nouns) {
        List<Expression> list = new ArrayList<>();
        for (String n : nouns) {
            list.add(Expression.fromNoun(n));
        }
        return new LabelVocabulary(list);
    }
}
