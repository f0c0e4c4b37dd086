package vlfer.data;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The files under one folder, as sorted paths relative to it. */
public record FileListing(String dir, List<String> files) {
    public FileListing {
        files = List.copyOf(files);
    }

    public Set<String> asSet() {
        return new HashSet<>(files);
    }

    /** Files grouped by their folder (relative to {@link #dir()}), each group in natural order (frame_2 before frame_10). */
    public Map<String, List<String>> byFolder() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : files) {
            int slash = f.lastIndexOf('/');
            String folder = slash < 0 ? "" : f.substring(0, slash);
            out.computeIfAbsent(folder, k -> new java.util.ArrayList<>()).add(f.substring(slash + 1));
        }
        for (List<String> names : out.values()) {
            names.sort(NaturalOrder.INSTANCE);
        }
        return out;
    }
}
