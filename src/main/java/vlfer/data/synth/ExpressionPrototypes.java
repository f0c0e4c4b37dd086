package vlfer.data.synth;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import vlfer.data.Expression;

/** The EMFACS prototype of each expression: which action units make it. */
public final class ExpressionPrototypes {
    private static final Map<Expression, Set<ActionUnit>> PROTOTYPES = Map.ofEntries(
            Map.entry(Expression.HAPPINESS, EnumSet.of(ActionUnit.AU6, ActionUnit.AU12)),
            Map.entry(Expression.SADNESS, EnumSet.of(ActionUnit.AU1, ActionUnit.AU4, ActionUnit.AU15)),
            Map.entry(Expression.SURPRISE, EnumSet.of(ActionUnit.AU1, ActionUnit.AU2, ActionUnit.AU5, ActionUnit.AU26)),
            Map.entry(Expression.FEAR, EnumSet.of(ActionUnit.AU1, ActionUnit.AU2, ActionUnit.AU4, ActionUnit.AU5, ActionUnit.AU7,
                    ActionUnit.AU20, ActionUnit.AU26)),
            Map.entry(Expression.ANGER, EnumSet.of(ActionUnit.AU4, ActionUnit.AU5, ActionUnit.AU7, ActionUnit.AU23)),
            Map.entry(Expression.DISGUST, EnumSet.of(ActionUnit.AU9, ActionUnit.AU15, ActionUnit.AU16)),
            Map.entry(Expression.CONTEMPT, EnumSet.of(ActionUnit.AU12, ActionUnit.AU14)),
            Map.entry(Expression.NEUTRAL, EnumSet.noneOf(ActionUnit.class)),
            // MAFW's extra classes have no EMFACS prototype; these are the project's choices, kept
            // distinct from the basic ones: worried brows with stretched lips, sad brows with an
            // open mouth, lowered brows with pressed-down lip corners.
            Map.entry(Expression.ANXIETY, EnumSet.of(ActionUnit.AU1, ActionUnit.AU2, ActionUnit.AU4, ActionUnit.AU20)),
            Map.entry(Expression.HELPLESSNESS, EnumSet.of(ActionUnit.AU1, ActionUnit.AU15, ActionUnit.AU26)),
            Map.entry(Expression.DISAPPOINTMENT, EnumSet.of(ActionUnit.AU4, ActionUnit.AU14, ActionUnit.AU15)));

    private ExpressionPrototypes() {
    }

    public static Set<ActionUnit> of(Expression e) {
        Set<ActionUnit> s = PROTOTYPES.get(e);
        if (s == null) {
            throw new IllegalArgumentException("no FACS prototype for " + e.noun());
        }
        return EnumSet.copyOf(s.isEmpty() ? EnumSet.noneOf(ActionUnit.class) : s);
    }

    /** Contempt is unilateral: its AU12 + AU14 act on one side of the mouth only. */
    public static boolean unilateral(Expression e) {
        return e == Expression.CONTEMPT;
    }
}
