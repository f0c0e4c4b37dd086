package vlfer.data.affectnet;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vlfer.config.DatasetSettings;
import vlfer.data.CsvLine;
import vlfer.data.DataFiles;
import vlfer.data.DatasetReader;
import vlfer.data.DatasetSplit;
import vlfer.data.FileListing;
import vlfer.data.FormatInfo;
import vlfer.data.LabelVocabulary;
import vlfer.data.ReaderSupport;
import vlfer.data.SplitCollector;
import vlfer.data.labels.LabelMaps;
import vlfer.data.source.CropBox;
import vlfer.data.source.ImageFile;

/**
 * AffectNet's original release: {@code training.csv} / {@code validation.csv} (with or without the
 * header) listing {@code subDirectory_filePath,face_x,face_y,face_width,face_height,facial_landmarks,
 * expression,valence,arousal}; the face is cropped from the box. Validation is the test set.
 * AffectNet-7 or -8 is the manifest's class subset; ids 8-10 are not expressions and are excluded.
 */
public final class AffectNetCsvReader implements DatasetReader {
    public static final String HEADER = "subDirectory_filePath,face_x,face_y,face_width,face_height,facial_landmarks,expression,valence,arousal";
    public static final String LISTS = "Manually_Annotated_file_lists";
    public static final String IMAGES = "Manually_Annotated_Images";
    private static final Map<String, String> FILES = Map.of("train", "training.csv", "validation", "validation.csv");

    private static final FormatInfo INFO = new FormatInfo("affectnet-csv", List.of("train", "validation"),
            LabelVocabulary.BASIC_8, LabelMaps.AFFECTNET, Set.of("lists", "images"), false);

    @Override
    public FormatInfo info() {
        return INFO;
    }

    public static String indexFile(String split) {
        return FILES.get(split);
    }

    @Override
    public DatasetSplit read(DatasetSettings ds, String split, DataFiles files) {
        SplitCollector rows = ReaderSupport.collector(this, ds, split);
        String root = files.root(ds);
        String index = DataFiles.resolve(root, ReaderSupport.option(ds, "lists", LISTS, List.of()) + "/" + indexFile(split));
        String imageDir = ReaderSupport.option(ds, "images", IMAGES, List.of());
        FileListing listing = files.listFiles(ds, DataFiles.resolve(root, imageDir), "image folder");
        Set<String> images = listing.asSet();
        List<String> lines = files.readLines(ds, index);
        rows.listFile(index, lines, !lines.isEmpty() && lines.get(0).startsWith("subDirectory_filePath") ? 1 : 0);
        for (int i = 0; i < lines.size(); i++) {
            long lineNo = i + 1L;
            String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.startsWith("subDirectory_filePath"))) {
                continue;
            }
            List<String> cols = CsvLine.split(line);
            if (cols == null || cols.size() != 9) {
                rows.reject(index, lineNo, "malformed-row", cols == null ? "open quote" : cols.size() + " columns, expected 9");
                continue;
            }
            String rel = cols.get(0).trim();
            if (rel.isEmpty()) {
                rows.reject(index, lineNo, "empty-name", "no subDirectory_filePath");
                continue;
            }
            CropBox box;
            try {
                box = new CropBox(px(cols.get(1)), px(cols.get(2)), px(cols.get(3)), px(cols.get(4)));
            } catch (IllegalArgumentException e) {
                rows.reject(index, lineNo, "bad-face-box", e.getMessage());
                continue;
            }
            if (!rows.firstSeen(rel, index, lineNo)) {
                continue;
            }
            if (!images.contains(rel)) {
                rows.reject(index, lineNo, listing.whyAbsent(rel, "missing-image"), imageDir + "/" + rel);
                continue;
            }
            String path;
            try {
                path = DataFiles.resolve(root, imageDir + "/" + rel);
            } catch (IllegalArgumentException e) {
                rows.reject(index, lineNo, "malformed-row", e.getMessage());
                continue;
            }
            rows.add(rel, cols.get(6).trim(), new ImageFile(path, box), index, lineNo);
        }
        return rows.build(index);
    }

    private static int px(String s) {
        try {
            return (int) Math.round(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("face box value '" + s + "' is not a number");
        }
    }
}
