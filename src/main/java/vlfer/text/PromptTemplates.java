package vlfer.text;

import java.util.ArrayList;
import java.util.List;
import vlfer.data.Expression;
import vlfer.data.LabelVocabulary;

/** Class prompts, exactly as the methods publish them. */
public final class PromptTemplates {
    private PromptTemplates() {
    }

    /** ke2nt: "a photo of a person making a {name} facial expression." ("an" before a vowel: "an anger"). */
    public static List<String> ke2nt(LabelVocabulary vocabulary) {
        List<String> prompts = new ArrayList<>(vocabulary.size());
        for (Expression e : vocabulary.classes()) {
            String name = e.noun();
            String article = "aeiou".indexOf(name.charAt(0)) >= 0 ? "an" : "a";
            prompts.add("a photo of a person making " + article + " " + name + " facial expression.");
        }
        return prompts;
    }
}
