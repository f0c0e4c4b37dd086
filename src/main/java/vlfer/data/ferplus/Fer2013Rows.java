package vlfer.data.ferplus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vlfer.data.CsvLine;

/**
 * How FERPlus pairs its two files. Face {@code fer<N>.png} of {@code fer2013new.csv} has its pixels
 * on data row N of {@code fer2013.csv}. A data row is a line that starts with FER2013's emotion field
 * (a whole number), so a row cut short keeps its place. Blank lines and lines of any other shape are
 * not rows and shift nothing. Their count is kept so that they are reported.
 */
final class Fer2013Rows {
    private static final Pattern DATA_ROW = Pattern.compile("^\\s*\"?\\d+\"?\\s*,.*");
    private static final Pattern FACE_NAME = Pattern.compile("fer(\\d{1,9})\\.png");

    /** List index of each data row of fer2013.csv. */
    private final List<Integer> rows = new ArrayList<>();
    /** List indexes of its non-blank lines that are not data rows. */
    private final List<Integer> strays = new ArrayList<>();

    Fer2013Rows(List<String> pixelLines) {
        for (int i = 1; i < pixelLines.size(); i++) {
            String line = pixelLines.get(i);
            if (DATA_ROW.matcher(line).matches()) {
                rows.add(i);
            } else if (!line.isBlank()) {
                strays.add(i);
            }
        }
    }

    int size() {
        return rows.size();
    }

    List<Integer> strays() {
        return strays;
    }

    /** The list index of the pixel line of face {@code name}, or -1 when it is not fer<N>.png with N a row. */
    int lineOf(String name) {
        java.util.regex.Matcher m = FACE_NAME.matcher(name);
        if (!m.matches()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        return n < rows.size() ? rows.get((int) n) : -1;
    }

    /**
     * The faces of the release as the label file lists them: rows whose Usage is one of FERPlus's,
     * each distinct face name once, plus the rows with no name (FERPlus's unusable faces). A stray
     * line, or a repeated row, does not count.
     */
    static long releaseRows(List<String> labelLines, Set<String> usages) {
        Set<String> names = new HashSet<>();
        long unnamed = 0;
        for (int i = 1; i < labelLines.size(); i++) {
            List<String> cols = CsvLine.split(labelLines.get(i));
            if (cols == null || cols.size() < 2 || !usages.contains(cols.get(0).trim())) {
                continue;
            }
            String name = cols.get(1).trim();
            if (name.isEmpty()) {
                unnamed++;
            } else if (FACE_NAME.matcher(name).matches()) {
                names.add(name);
            }
        }
        return names.size() + unnamed;
    }
}
