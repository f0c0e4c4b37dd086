package vlfer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A local folder walked with java.nio (Hadoop's local {@code listFiles} forks {@code ls -ld} per
 * file without its native library: 7 minutes for 90,000 images). Links are resolved: an entry whose
 * real path leaves {@code containment} is refused as {@code outside-root}, one that is neither a
 * regular file nor a folder (a FIFO, a socket, a device) as {@code not-a-regular-file}; neither is
 * opened. A folder reached twice through links is walked once.
 */
final class LocalTree {
    static final String OUTSIDE_ROOT = "outside-root";
    static final String NOT_A_REGULAR_FILE = "not-a-regular-file";

    private LocalTree() {
    }

    /** @param containment the root's real path, or null when links may lead anywhere */
    static FileListing list(String dir, Path folder, Path containment) throws IOException {
        List<String> files = new ArrayList<>();
        Map<String, String> refused = new TreeMap<>();
        Set<Path> walked = new HashSet<>();
        ArrayDeque<Path> folders = new ArrayDeque<>(List.of(folder));
        while (!folders.isEmpty()) {
            Path current = folders.pop();
            if (!walked.add(current.toRealPath())) {
                continue;
            }
            List<Path> entries;
            try (Stream<Path> s = Files.list(current)) {
                entries = s.toList();
            }
            for (Path entry : entries) {
                String rel = folder.relativize(entry).toString().replace('\\', '/');
                Path real;
                try {
                    real = entry.toRealPath();
                } catch (IOException e) {
                    refused.put(rel, NOT_A_REGULAR_FILE); // a dangling link
                    continue;
                }
                if (containment != null && !real.startsWith(containment)) {
                    refused.put(rel, OUTSIDE_ROOT);
                } else if (Files.isDirectory(real)) {
                    folders.push(entry);
                } else if (Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(rel);
                } else {
                    refused.put(rel, NOT_A_REGULAR_FILE);
                }
            }
        }
        java.util.Collections.sort(files);
        return new FileListing(dir, files, refused);
    }
}
