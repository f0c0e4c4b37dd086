package vlfer.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vlfer.data.affectnet.AffectNetCsvReader;
import vlfer.data.affectnet.AffectNetNpyReader;
import vlfer.data.ferplus.FerPlusReader;
import vlfer.data.folders.ClassFolderReader;
import vlfer.data.rafdb.RafDbReader;
import vlfer.data.video.DfewReader;
import vlfer.data.video.Ferv39kReader;
import vlfer.data.video.MafwReader;

/** The registry of dataset formats, by manifest name. */
public final class DatasetReaders {
    private static final Map<String, DatasetReader> READERS = index(List.of(
            new RafDbReader(), new FerPlusReader(), new AffectNetCsvReader(), new AffectNetNpyReader(),
            ClassFolderReader.sfew(), ClassFolderReader.caerS(), new DfewReader(), new Ferv39kReader(), new MafwReader()));

    private DatasetReaders() {
    }

    public static DatasetReader forFormat(String format) {
        DatasetReader r = READERS.get(format);
        if (r == null) {
            throw new IllegalArgumentException("unknown dataset format '" + format + "'; known formats: " + READERS.keySet());
        }
        return r;
    }

    public static java.util.Set<String> formats() {
        return READERS.keySet();
    }

    private static Map<String, DatasetReader> index(List<DatasetReader> readers) {
        Map<String, DatasetReader> m = new TreeMap<>();
        for (DatasetReader r : readers) {
            m.put(r.format(), r);
        }
        return m;
    }
}
