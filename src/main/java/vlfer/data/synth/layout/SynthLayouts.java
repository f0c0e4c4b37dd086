package vlfer.data.synth.layout;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The layouts the synthetic generator can write, by reader format name. */
public final class SynthLayouts {
    private static final Map<String, SynthLayout> LAYOUTS = new TreeMap<>();

    static {
        for (SynthLayout l : List.of(new RafDbLayout(), new FerPlusLayout(), new AffectNetCsvLayout(), new AffectNetNpyLayout(),
                ClassFolderLayout.sfew(), ClassFolderLayout.caerS(), VideoLayout.dfew(), VideoLayout.ferv39k(), VideoLayout.mafw())) {
            LAYOUTS.put(l.format(), l);
        }
    }

    private SynthLayouts() {
    }

    public static SynthLayout forFormat(String format) {
        SynthLayout l = LAYOUTS.get(format);
        if (l == null) {
            throw new IllegalArgumentException("the synthetic generator has no layout '" + format + "' (vlfer.synth.layout); known: "
                    + LAYOUTS.keySet());
        }
        return l;
    }

    public static java.util.Set<String> formats() {
        return LAYOUTS.keySet();
    }
}
