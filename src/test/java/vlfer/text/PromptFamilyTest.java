package vlfer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import vlfer.data.Expression;
import vlfer.data.LabelVocabulary;

/** The published prompt families, word for word, per class. */
class PromptFamilyTest {
    @Test
    void familiesHaveThePublishedTemplates() {
        LabelVocabulary v = LabelVocabulary.MAFW_11;
        assertEquals(List.of("happiness."), PromptFamily.CLASS_NAME.prompts(v).get(v.indexOf(Expression.HAPPINESS)));
        assertEquals(List.of("an expression of sadness."), PromptFamily.EXPRESSION_OF.prompts(v).get(v.indexOf(Expression.SADNESS)));
        assertEquals(List.of("a photo of a face with an expression of helplessness."),
                PromptFamily.PHOTO_OF_FACE.prompts(v).get(v.indexOf(Expression.HELPLESSNESS)));
        List<String> anger = PromptFamily.ENSEMBLE_10.prompts(v).get(v.indexOf(Expression.ANGER));
        assertEquals(10, anger.size());
        assertEquals("a photo radiating anger in a person.", anger.get(2));
        assertEquals("a good photo capturing someone's anger.", anger.get(7));
        assertEquals("a clean photo showcasing a person's angry expression.", anger.get(9));
        assertEquals(anger.subList(0, 5), PromptFamily.ENSEMBLE_5.prompts(v).get(v.indexOf(Expression.ANGER)));
        assertEquals(11, PromptFamily.ENSEMBLE_5.prompts(v).size());
    }

    @Test
    void familiesAreNamedAsInConfiguration() {
        assertEquals(PromptFamily.ENSEMBLE_10, PromptFamily.named("ensemble-10"));
        assertThrows(IllegalArgumentException.class, () -> PromptFamily.named("ensemble-7"));
    }
}
