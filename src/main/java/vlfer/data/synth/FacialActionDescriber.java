package vlfer.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exact description of a drawn face's facial actions, from the action units drawn: the text
 * side that expclip-style methods learn from. Depends only on the AUs and their intensities.
 */
public final class FacialActionDescriber {
    /** Below this intensity an action is too weak to name. */
    static final double VISIBLE = 0.15;

    private FacialActionDescriber() {
    }

    public static String describe(FaceParameters f) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<ActionUnit, Double> e : f.actionUnits().entrySet()) {
            double v = e.getValue();
            if (v < VISIBLE) {
                continue;
            }
            String degree = v < 0.4 ? "slightly " : v > 0.75 ? "strongly " : "";
            String phrase = e.getKey().phrase();
            if (f.unilateral() && (e.getKey() == ActionUnit.AU12 || e.getKey() == ActionUnit.AU14)) {
                phrase = phrase.replace("lip corners", "one lip corner").replace("lip corner", "one lip corner") + " on one side";
            }
            parts.add(degree + phrase);
        }
        if (parts.isEmpty()) {
            return "relaxed face, straight mouth, smooth forehead, resting eyebrows";
        }
        return String.join(", ", parts);
    }

    /** "AU6:0.82+AU12:0.91" */
    public static String code(FaceParameters f) {
        List<String> parts = new ArrayList<>();
        f.actionUnits().forEach((au, v) -> parts.add(String.format(Locale.ROOT, "%s:%.2f", au.name(), v)));
        return String.join("+", parts);
    }
}
