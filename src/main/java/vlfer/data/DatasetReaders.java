package vlfer.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vlfer.data.rafdb.RafDbReader;

/** The registry of dataset formats, by configuration name. */
public final class DatasetReaders {
    private static final Map<String, DatasetReader> READERS = index(List.of(new RafDbReader()));

    private DatasetReaders() {
    }

    public static DatasetReader forFormat(String format) {
        DatasetReader r = READERS.get(format);
        if (r == null) {
            throw new IllegalArgumentException("unknown dataset format '" + format + "'; known formats: " + READERS.keySet());
        }
        return r;
    }

    private static Map<String, DatasetReader> index(List<DatasetReader> readers) {
        Map<String, DatasetReader> m = new TreeMap<>();
        for (DatasetReader r : readers) {
            m.put(r.format(), r);
        }
        return m;
    }
}
