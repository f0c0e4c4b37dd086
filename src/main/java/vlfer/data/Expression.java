package vlfer.data;

import java.util.Locale;

/**
 * The one canonical expression vocabulary. Every dataset maps its own label ids onto these names;
 * a model's class index is a position in a {@link LabelVocabulary}, never an ordinal of this enum.
 */
public enum Expression {
    NEUTRAL("neutral", "neutral"),
    HAPPINESS("happiness", "happy"),
    SADNESS("sadness", "sad"),
    SURPRISE("surprise", "surprised"),
    FEAR("fear", "fearful"),
    DISGUST("disgust", "disgusted"),
    ANGER("anger", "angry"),
    CONTEMPT("contempt", "contemptuous"),
    ANXIETY("anxiety", "anxious"),
    HELPLESSNESS("helplessness", "helpless"),
    DISAPPOINTMENT("disappointment", "disappointed");

    private final String noun;
    private final String adjective;

    Expression(String noun, String adjective) {
        this.noun = noun;
        this.adjective = adjective;
    }

    /** The class name as prompts use it: "happiness", "anger". */
    public String noun() {
        return noun;
    }

    /** "happy", "angry": for templates such as "a person's {adj} expression". */
    public String adjective() {
        return adjective;
    }

    /** Parses a canonical noun ("happiness"), case-insensitively. */
    public static Expression fromNoun(String noun) {
        String wanted = noun.trim().toLowerCase(Locale.ROOT);
        for (Expression e : values()) {
            if (e.noun.equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown expression name '" + noun + "'");
    }
}
