package vlfer.data;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vlfer.data.affectnet.AffectNetCsvReader;
import vlfer.data.affectnet.AffectNetNpyReader;
import vlfer.data.ferplus.FerPlusReader;
import vlfer.data.folders.ClassFolderReader;
import vlfer.data.rafdb.RafDbReader;
import vlfer.data.synth.layout.AffectNetCsvLayout;
import vlfer.data.synth.layout.AffectNetNpyLayout;
import vlfer.data.synth.layout.ClassFolderLayout;
import vlfer.data.synth.layout.FerPlusLayout;
import vlfer.data.synth.layout.RafDbLayout;
import vlfer.data.synth.layout.SynthLayout;
import vlfer.data.synth.layout.VideoLayout;
import vlfer.data.video.DfewReader;
import vlfer.data.video.Ferv39kReader;
import vlfer.data.video.MafwReader;

/**
 * The one registry of dataset formats, by manifest name ({@code format}, {@code vlfer.synth.layout}):
 * each entry pairs the reader of the layout as shipped (which also knows its splits, classes and
 * label map) with the synthetic generator's writer of the same layout.
 */
public final class DatasetFormats {
    /** A dataset format: its reader and its synthetic layout. */
    public record DatasetFormat(DatasetReader reader, SynthLayout layout) {
        public DatasetFormat {
            if (!reader.format().equals(layout.format())) {
                throw new IllegalArgumentException("format " + reader.format() + " paired with layout " + layout.format());
            }
        }

        public String name() {
            return reader.format();
        }
    }

    private static final Map<String, DatasetFormat> FORMATS = index(List.of(
            new DatasetFormat(new RafDbReader(), new RafDbLayout()),
            new DatasetFormat(new FerPlusReader(), new FerPlusLayout()),
            new DatasetFormat(new AffectNetCsvReader(), new AffectNetCsvLayout()),
            new DatasetFormat(new AffectNetNpyReader(), new AffectNetNpyLayout()),
            new DatasetFormat(ClassFolderReader.sfew(), ClassFolderLayout.sfew()),
            new DatasetFormat(ClassFolderReader.caerS(), ClassFolderLayout.caerS()),
            new DatasetFormat(new DfewReader(), VideoLayout.dfew()),
            new DatasetFormat(new Ferv39kReader(), VideoLayout.ferv39k()),
            new DatasetFormat(new MafwReader(), VideoLayout.mafw())));

    private DatasetFormats() {
    }

    /** The format {@code name}; {@code key} names the setting that chose it, for the error. */
    public static DatasetFormat forName(String name, String key) {
        DatasetFormat f = FORMATS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown dataset format '" + name + "' (" + key + "); known formats: "
                    + FORMATS.keySet());
        }
        return f;
    }

    public static DatasetReader reader(String format) {
        return forName(format, "format").reader();
    }

    public static Set<String> names() {
        return FORMATS.keySet();
    }

    private static Map<String, DatasetFormat> index(List<DatasetFormat> formats) {
        Map<String, DatasetFormat> m = new TreeMap<>();
        for (DatasetFormat f : formats) {
            m.put(f.name(), f);
        }
        return m;
    }
}
