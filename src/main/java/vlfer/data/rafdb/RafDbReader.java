package vlfer.data.rafdb;

import java.util.List;
import java.util.Set;
import vlfer.config.DatasetSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetReader;
import vlfer.data.DatasetSplit;
import vlfer.data.FileListing;
import vlfer.data.FormatInfo;
import vlfer.data.LabelVocabulary;
import vlfer.data.ReaderSupport;
import vlfer.data.SplitCollector;
import vlfer.data.labels.LabelMaps;
import vlfer.data.source.ImageFile;

/**
 * RAF-DB (basic) as shipped: {@code EmoLabel/list_patition_label.txt} lines {@code train_00001.jpg 5},
 * the split being the file-name prefix, images at {@code Image/aligned/<stem>_aligned.jpg}.
 */
public final class RafDbReader implements DatasetReader {
    public static final String LABEL_FILE = "EmoLabel/list_patition_label.txt";
    public static final String IMAGE_DIR = "Image/aligned";

    private static final FormatInfo INFO = FormatInfo.still("rafdb", List.of("train", "test"),
            LabelVocabulary.BASIC_7, LabelMaps.RAFDB);

    @Override
    public FormatInfo info() {
        return INFO;
    }

    @Override
    public DatasetSplit read(DatasetSettings dataset, String split, DataFiles files) {
        SplitCollector rows = ReaderSupport.collector(this, dataset, split);
        String root = files.root(dataset);
        String labelFile = DataFiles.resolve(root, LABEL_FILE);
        List<String> lines = files.readLines(dataset, labelFile);
        rows.listFile(labelFile, lines, 0);
        FileListing listing = files.listFiles(dataset, DataFiles.resolve(root, IMAGE_DIR), "image folder");
        Set<String> images = listing.asSet();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            long lineNo = i + 1L;
            String[] cols = line.split("\\s+");
            String name = cols[0];
            int us = name.indexOf('_');
            String rowSplit = us > 0 ? name.substring(0, us) : "";
            boolean known = splits().contains(rowSplit);
            if (known ? !rowSplit.equals(split) : !ReaderSupport.countsStrayLines(this, split)) {
                continue; // another split's row, or a line of no split (counted once, by the first split)
            }
            if (cols.length != 2 || us <= 0 || !name.endsWith(".jpg")) {
                rows.reject(labelFile, lineNo, "malformed-row", line);
                continue;
            }
            if (!known) {
                rows.reject(labelFile, lineNo, "unknown-split", "'" + name + "' starts with none of " + splits() + " + '_'");
                continue;
            }
            if (!rows.firstSeen(name, labelFile, lineNo)) {
                continue;
            }
            String stem = name.substring(0, name.length() - ".jpg".length());
            String image = stem + "_aligned.jpg";
            if (!images.contains(image)) {
                rows.reject(labelFile, lineNo, listing.whyAbsent(image, "missing-image"), IMAGE_DIR + "/" + image);
                continue;
            }
            rows.add(stem, cols[1], new ImageFile(DataFiles.resolve(root, IMAGE_DIR + "/" + image)), labelFile, lineNo);
        }
        return rows.build(labelFile + " (file names must start with '" + split + "_')");
    }
}
