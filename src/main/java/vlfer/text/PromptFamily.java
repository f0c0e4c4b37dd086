package vlfer.text;

import java.util.ArrayList;
import java.util.List;
import vlfer.data.Expression;
import vlfer.data.LabelVocabulary;

/**
 * The zero-shot prompt families published with Exp-CLIP (METHODS.md section 3), word for word:
 * the class name alone, two single templates, and ensembles of 5 and 10 templates whose logits are
 * averaged per class. {x} is the class noun (happiness, sadness, neutral, ...); the tenth template
 * takes the adjective (angry, surprised, ...).
 */
public enum PromptFamily {
    CLASS_NAME("class-name", List.of("{x}.")),
    EXPRESSION_OF("expression-of", List.of("an expression of {x}.")),
    PHOTO_OF_FACE("photo-of-face", List.of("a photo of a face with an expression of {x}.")),
    ENSEMBLE_5("ensemble-5", List.of(
            "an expression of {x}.",
            "a photo of a face with an expression of {x}.",
            "a photo radiating {x} in a person.",
            "a photo showing someone immersed in {x}.",
            "a photo capturing {x} within an individual.")),
    ENSEMBLE_10("ensemble-10", List.of(
            "an expression of {x}.",
            "a photo of a face with an expression of {x}.",
            "a photo radiating {x} in a person.",
            "a photo showing someone immersed in {x}.",
            "a photo capturing {x} within an individual.",
            "a photo of a face displaying {x}.",
            "a photo of a person embodying {x}.",
            "a good photo capturing someone's {x}.",
            "a cropped photo emphasizing a face expressing {x}.",
            "a clean photo showcasing a person's {adj} expression."));

    private final String configName;
    private final List<String> templates;

    PromptFamily(String configName, List<String> templates) {
        this.configName = configName;
        this.templates = templates;
    }

    public String configName() {
        return configName;
    }

    public List<String> templates() {
        return templates;
    }

    /** The prompts of each class of {@code vocabulary}, in its order. */
    public List<List<String>> prompts(LabelVocabulary vocabulary) {
        List<List<String>> out = new ArrayList<>(vocabulary.size());
        for (Expression e : vocabulary.classes()) {
            List<String> own = new ArrayList<>(templates.size());
            for (String t : templates) {
                own.add(t.replace("{x}", e.noun()).replace("{adj}", e.adjective()));
            }
            out.add(own);
        }
        return out;
    }

    /** The configuration names of all families, in declaration order. */
    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(PromptFamily::configName).toList();
    }

    /** The family named {@code name} in configuration (class-name, expression-of, photo-of-face, ensemble-5, ensemble-10). */
    public static PromptFamily named(String name) {
        for (PromptFamily f : values()) {
            if (f.configName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown prompt family '" + name + "'; known: class-name, expression-of, "
                + "photo-of-face, ensemble-5, ensemble-10");
    }
}
