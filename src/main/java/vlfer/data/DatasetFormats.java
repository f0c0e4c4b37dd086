package vlfer.data;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vlfer.config.DatasetSettings;
import vlfer.config.SettingsException;
import vlfer.config.SynthConfig;
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

    /**
     * The format of dataset {@code ds}, once its class subset and label map are ones the format can
     * use; each error names the key and the manifest (or configuration) it came from.
     */
    public static DatasetFormat forDataset(DatasetSettings ds) {
        DatasetFormat f = FORMATS.get(ds.format());
        if (f == null) {
            throw new SettingsException(ds.key("format") + ": expected one of the dataset formats " + FORMATS.keySet()
                    + ", got " + ds.format());
        }
        try {
            ReaderSupport.classes(f.reader(), ds);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(ds.key("classes") + ": expected basic-7, basic-8, mafw-11 or a list of class names, got "
                    + ds.classes() + " (" + e.getMessage() + ")", e);
        }
        try {
            ReaderSupport.labelMap(f.reader(), ds);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(ds.key("label-map") + ": expected a known table or class names (\"-\" excludes a label), "
                    + e.getMessage(), e);
        }
        return f;
    }

    /** The layout {@code vlfer.synth.layout} names; the error names the key and its origin. */
    public static DatasetFormat forSynth(SynthConfig synth) {
        DatasetFormat f = FORMATS.get(synth.layout());
        if (f == null) {
            throw synth.block().invalid("layout", "one of " + FORMATS.keySet(), synth.layout());
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
