package vlfer.text;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vlfer.data.Expression;
import vlfer.data.LabelVocabulary;

/**
 * The facial actions of each class in one sentence: METHODS.md's descriptor sentences, word for
 * word, for the eight basic classes; the project's own for MAFW's anxiety, helplessness and
 * disappointment (METHODS.md gives none), written from the same action units the synthetic
 * generator draws for them.
 */
public final class DescriptorSentences {
    private static final Map<Expression, String> SENTENCES = new EnumMap<>(Expression.class);

    static {
        SENTENCES.put(Expression.HAPPINESS, "smiling mouth, raised cheeks, wrinkled eyes, arched eyebrows.");
        SENTENCES.put(Expression.SADNESS, "downturned mouth, drooping upper eyelids, raised inner brows, wrinkled forehead.");
        SENTENCES.put(Expression.NEUTRAL, "relaxed face, straight mouth, smooth forehead, resting eyebrows.");
        SENTENCES.put(Expression.ANGER, "lowered furrowed brows, narrowed eyes, tightened pressed lips, flared nostrils.");
        SENTENCES.put(Expression.SURPRISE, "raised eyebrows, widened eyes, dropped jaw, open mouth.");
        SENTENCES.put(Expression.DISGUST, "wrinkled nose, raised upper lip, lowered brows, narrowed eyes.");
        SENTENCES.put(Expression.FEAR, "raised and drawn-together brows, widened eyes, stretched lips, parted mouth.");
        SENTENCES.put(Expression.CONTEMPT, "one lip corner tightened and raised, asymmetric face.");
        // project-written (not in METHODS.md)
        SENTENCES.put(Expression.ANXIETY, "raised and drawn-together inner brows, tightened eyelids, stretched pressed lips.");
        SENTENCES.put(Expression.HELPLESSNESS, "raised inner brows, drooping upper eyelids, slightly parted lips, slack jaw.");
        SENTENCES.put(Expression.DISAPPOINTMENT, "lowered lip corners, pressed lips, lowered eyelids, slightly lowered brows.");
    }

    private DescriptorSentences() {
    }

    public static String of(Expression e) {
        return SENTENCES.get(e);
    }

    /** One sentence per class of {@code vocabulary}, in its order. */
    public static List<String> of(LabelVocabulary vocabulary) {
        List<String> out = new ArrayList<>(vocabulary.size());
        for (Expression e : vocabulary.classes()) {
            out.add(of(e));
        }
        return out;
    }
}
