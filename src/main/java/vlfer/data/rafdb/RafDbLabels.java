package vlfer.data.rafdb;

import java.util.List;
import vlfer.data.Expression;

/** RAF-DB (basic) label ids as shipped: 1 surprise, 2 fear, 3 disgust, 4 happiness, 5 sadness, 6 anger, 7 neutral. */
public final class RafDbLabels {
    private static final List<Expression> BY_ID = List.of(
            Expression.SURPRISE, Expression.FEAR, Expression.DISGUST, Expression.HAPPINESS,
            Expression.SADNESS, Expression.ANGER, Expression.NEUTRAL);

    private RafDbLabels() {
    }

    /** The expression of a 1-based RAF-DB id. */
    public static Expression expressionOf(int rafId) {
        if (rafId < 1 || rafId > BY_ID.size()) {
            throw new IllegalArgumentException("RAF-DB label id " + rafId + " is outside 1..7");
        }
        return BY_ID.get(rafId - 1);
    }

    /** The 1-based RAF-DB id of an expression (contempt and the MAFW extras have none). */
    public static int idOf(Expression e) {
        int i = BY_ID.indexOf(e);
        if (i < 0) {
            throw new IllegalArgumentException(e.noun() + " has no RAF-DB label id");
        }
        return i + 1;
    }
}
