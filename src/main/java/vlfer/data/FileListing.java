package vlfer.data;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files under one folder, as sorted paths relative to it, and the entries the listing refused
 * (relative path -> reason: {@code outside-root}, {@code not-a-regular-file}); a refused folder
 * stands for everything under it. Refused entries are never opened.
 */
public record FileListing(String dir, List<String> files, Map<String, String> refused) {
    public FileListing {
        files = List.copyOf(files);
        refused = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(refused));
    }

    public FileListing(String dir, List<String> files) {
        this(dir, files, Map.of());
    }

    public Set<String> asSet() {
        return new HashSet<>(files);
    }

    /**
     * Why {@code rel} is not among the files: the reason the listing refused it (or a folder above
     * it) for, else {@code fallback} (e.g. missing-image).
     */
    public String whyAbsent(String rel, String fallback) {
        for (String at = rel; !at.isEmpty(); at = at.contains("/") ? at.substring(0, at.lastIndexOf('/')) : "") {
            String reason = refused.get(at);
            if (reason != null) {
                return reason;
            }
        }
        return fallback;
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
