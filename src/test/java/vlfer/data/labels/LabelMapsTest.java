package vlfer.data.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vlfer.data.Expression;

/**
 * Every source format's table, written out again here from the datasets' own documentation
 * (DATASETS.md), token by token: the orders differ between datasets and are easy to get wrong.
 */
class LabelMapsTest {
    private static void assertTable(LabelMap map, Map<String, Expression> expected) {
        expected.forEach((token, e) -> assertEquals(new LabelMap.Known(e), map.lookup(token), map.name() + " " + token));
        assertEquals(expected.size(), map.classes().size(), map.name() + " has exactly these tokens");
    }

    @Test
    void rafdbCountsFromSurprise() {
        assertTable(LabelMaps.RAFDB, Map.of("1", Expression.SURPRISE, "2", Expression.FEAR, "3", Expression.DISGUST,
                "4", Expression.HAPPINESS, "5", Expression.SADNESS, "6", Expression.ANGER, "7", Expression.NEUTRAL));
        assertInstanceOf(LabelMap.Unknown.class, LabelMaps.RAFDB.lookup("0"));
        assertInstanceOf(LabelMap.Unknown.class, LabelMaps.RAFDB.lookup("8"));
    }

    @Test
    void affectnetCountsFromNeutralAndExcludesNoneUncertainNoFace() {
        assertTable(LabelMaps.AFFECTNET, Map.of("0", Expression.NEUTRAL, "1", Expression.HAPPINESS, "2", Expression.SADNESS,
                "3", Expression.SURPRISE, "4", Expression.FEAR, "5", Expression.DISGUST, "6", Expression.ANGER,
                "7", Expression.CONTEMPT));
        assertEquals(new LabelMap.Excluded("not-an-expression"), LabelMaps.AFFECTNET.lookup("8"));
        assertEquals(new LabelMap.Excluded("uncertain"), LabelMaps.AFFECTNET.lookup("9"));
        assertEquals(new LabelMap.Excluded("not-a-face"), LabelMaps.AFFECTNET.lookup("10"));
        assertInstanceOf(LabelMap.Unknown.class, LabelMaps.AFFECTNET.lookup("11"));
    }

    @Test
    void ferplusColumnsAreNamedAndUnknownOrNotFaceAreExcluded() {
        assertTable(LabelMaps.FERPLUS, Map.of("neutral", Expression.NEUTRAL, "happiness", Expression.HAPPINESS,
                "surprise", Expression.SURPRISE, "sadness", Expression.SADNESS, "anger", Expression.ANGER,
                "disgust", Expression.DISGUST, "fear", Expression.FEAR, "contempt", Expression.CONTEMPT));
        assertEquals(new LabelMap.Excluded("unknown-expression"), LabelMaps.FERPLUS.lookup("unknown"));
        assertEquals(new LabelMap.Excluded("not-a-face"), LabelMaps.FERPLUS.lookup("NF"));
    }

    @Test
    void sfewAndFerv39kUseFolderNames() {
        Map<String, Expression> names = Map.of("Angry", Expression.ANGER, "Disgust", Expression.DISGUST, "Fear", Expression.FEAR,
                "Happy", Expression.HAPPINESS, "Neutral", Expression.NEUTRAL, "Sad", Expression.SADNESS,
                "Surprise", Expression.SURPRISE);
        assertTable(LabelMaps.SFEW, names);
        assertTable(LabelMaps.FERV39K, names);
        assertInstanceOf(LabelMap.Unknown.class, LabelMaps.SFEW.lookup("happy"));
    }

    @Test
    void dfewCountsFromHappiness() {
        assertTable(LabelMaps.DFEW, Map.of("1", Expression.HAPPINESS, "2", Expression.SADNESS, "3", Expression.NEUTRAL,
                "4", Expression.ANGER, "5", Expression.SURPRISE, "6", Expression.DISGUST, "7", Expression.FEAR));
        assertInstanceOf(LabelMap.Unknown.class, LabelMaps.DFEW.lookup("0"));
    }

    @Test
    void mafwHasElevenLowerCaseClasses() {
        assertTable(LabelMaps.MAFW, Map.ofEntries(Map.entry("anger", Expression.ANGER), Map.entry("disgust", Expression.DISGUST),
                Map.entry("fear", Expression.FEAR), Map.entry("happiness", Expression.HAPPINESS),
                Map.entry("neutral", Expression.NEUTRAL), Map.entry("sadness", Expression.SADNESS),
                Map.entry("surprise", Expression.SURPRISE), Map.entry("contempt", Expression.CONTEMPT),
                Map.entry("anxiety", Expression.ANXIETY), Map.entry("helplessness", Expression.HELPLESSNESS),
                Map.entry("disappointment", Expression.DISAPPOINTMENT)));
    }

    @Test
    void inlineTablesMapNounsAndExcludeDashes() {
        LabelMap m = LabelMaps.inline("custom", Map.of("a", "anger", "b", "-"));
        assertEquals(new LabelMap.Known(Expression.ANGER), m.lookup("a"));
        assertEquals(new LabelMap.Excluded("excluded-by-label-map"), m.lookup("b"));
        assertEquals("1", LabelMaps.DFEW.tokenOf(Expression.HAPPINESS));
        assertEquals(List.of("rafdb"), List.of(LabelMaps.named("rafdb").name()));
    }
}
