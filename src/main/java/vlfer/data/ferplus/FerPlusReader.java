package vlfer.data.ferplus;

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
import vlfer.data.source.FaceSource;
import vlfer.data.source.ImageFile;
import vlfer.data.source.InlinePixels;

/**
 * FERPlus: labels are the majority vote of {@code fer2013new.csv} (10 taggers, same row order as
 * Kaggle's {@code fer2013.csv}); pixels come from {@code fer2013.csv}'s pixel strings
 * ({@code images = csv}) or from the PNG folders FER2013Train/Valid/Test ({@code images = png}).
 * Usage Training / PublicTest / PrivateTest are the splits train / val / test.
 *
 * <p>Pairing ({@link Fer2013Rows}): face {@code fer<N>.png} has its pixels on data row N of
 * {@code fer2013.csv}; no line of either file shifts another. The pixel file must have a row per
 * face the label file lists, or reading stops: an added pixel row cannot be told from a real one.
 */
public final class FerPlusReader implements DatasetReader {
    public static final String LABELS = "fer2013new.csv";
    public static final String PIXELS = "fer2013.csv";
    public static final String LABELS_HEADER = "Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF";
    public static final String PIXELS_HEADER = "emotion,pixels,Usage";
    public static final int SIDE = 48;
    private static final Map<String, String> USAGE = Map.of("train", "Training", "val", "PublicTest", "test", "PrivateTest");
    private static final Map<String, String> PNG_FOLDER = Map.of("train", "FER2013Train", "val", "FER2013Valid", "test", "FER2013Test");

    private static final FormatInfo INFO = new FormatInfo("ferplus", List.of("train", "val", "test"),
            LabelVocabulary.BASIC_8, LabelMaps.FERPLUS, Set.of("images", "labels-file", "pixels-file"), false);

    @Override
    public FormatInfo info() {
        return INFO;
    }

    /** Usage value of a split ("Training" for train). */
    public static String usage(String split) {
        return USAGE.get(split);
    }

    public static String pngFolder(String split) {
        return PNG_FOLDER.get(split);
    }

    @Override
    public DatasetSplit read(DatasetSettings ds, String split, DataFiles files) {
        SplitCollector rows = ReaderSupport.collector(this, ds, split);
        String images = ReaderSupport.option(ds, "images", "csv", List.of("csv", "png"));
        String root = files.root(ds);
        String labelFile = DataFiles.resolve(root, ReaderSupport.option(ds, "labels-file", LABELS, List.of()));
        List<String> labels = files.readLines(ds, labelFile);
        requireHeader(labels, LABELS_HEADER, labelFile);
        rows.listFile(labelFile, labels, 1);
        List<String> pixels = null;
        Fer2013Rows pixelRows = null;
        String pixelFile = null;
        FileListing pngs = null;
        if (images.equals("csv")) {
            pixelFile = DataFiles.resolve(root, ReaderSupport.option(ds, "pixels-file", PIXELS, List.of()));
            pixels = files.readLines(ds, pixelFile);
            requireHeader(pixels, PIXELS_HEADER, pixelFile);
            pixelRows = new Fer2013Rows(pixels);
            rows.listFile(pixelFile, pixelRows.strays().size()); // its data rows are their faces' rows
            long releaseRows = Fer2013Rows.releaseRows(labels, Set.copyOf(USAGE.values()));
            if (pixelRows.size() != releaseRows) {
                throw new IllegalArgumentException("dataset '" + ds.name() + "': " + pixelFile + " has " + pixelRows.size()
                        + " data rows but " + labelFile + " lists " + releaseRows + " faces; FERPlus pairs face fer<N>.png with"
                        + " data row N of " + PIXELS + ", so both must come from the same release, unedited (a row added to or"
                        + " removed from " + PIXELS + " would give every later face another face's pixels)");
            }
            if (ReaderSupport.countsStrayLines(this, split)) {
                for (int at : pixelRows.strays()) {
                    rows.reject(pixelFile, at + 1L, "malformed-row", "not a " + PIXELS + " row (emotion,pixels,Usage)");
                }
            }
        } else {
            pngs = files.listFiles(ds, DataFiles.resolve(root, pngFolder(split)), "image folder");
        }
        String usage = usage(split);
        for (int i = 1; i < labels.size(); i++) {
            long lineNo = i + 1L;
            String line = labels.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> cols = CsvLine.split(line);
            String rowUsage = cols == null ? "" : cols.get(0).trim();
            if (USAGE.containsValue(rowUsage) ? !rowUsage.equals(usage) : !ReaderSupport.countsStrayLines(this, split)) {
                continue; // another split's row, or a line of no split (counted once, by the first split)
            }
            if (cols == null || cols.size() != 12) {
                rows.reject(labelFile, lineNo, "malformed-row", (cols == null ? "open quote" : cols.size() + " columns, expected 12"));
                continue;
            }
            String name = cols.get(1).trim();
            if (name.isEmpty()) {
                rows.reject(labelFile, lineNo, "empty-name", "no image name: FERPlus marks this face unusable");
                continue;
            }
            int[] votes = new int[10];
            try {
                for (int v = 0; v < 10; v++) {
                    votes[v] = Integer.parseInt(cols.get(2 + v).trim());
                    if (votes[v] < 0) {
                        throw new NumberFormatException("negative vote count");
                    }
                }
            } catch (NumberFormatException e) {
                rows.reject(labelFile, lineNo, "malformed-row", "vote counts: " + e.getMessage());
                continue;
            }
            if (!rows.firstSeen(name, labelFile, lineNo)) {
                continue;
            }
            int winner = FerPlusMajority.winner(votes);
            if (winner < 0) {
                rows.exclude("no-majority");
                continue;
            }
            FaceSource source;
            if (pixels != null) {
                int at = pixelRows.lineOf(name);
                if (at < 0) {
                    rows.reject(labelFile, lineNo, "unpaired-row", "image name '" + name + "' is not fer<N>.png with N below "
                            + pixelRows.size() + " (the data rows of " + PIXELS + ")");
                    continue;
                }
                source = inline(pixels.get(at), pixelFile, at + 1L, usage, rows);
                if (source == null) {
                    continue;
                }
            } else {
                if (!pngs.files().contains(name)) {
                    rows.reject(labelFile, lineNo, pngs.whyAbsent(name, "missing-image"), pngFolder(split) + "/" + name);
                    continue;
                }
                source = new ImageFile(DataFiles.resolve(root, pngFolder(split) + "/" + name));
            }
            rows.add(ReaderSupport.stem(name), FerPlusMajority.COLUMNS.get(winner), source, labelFile, lineNo);
        }
        return rows.build(labelFile);
    }

    private static InlinePixels inline(String line, String file, long lineNo, String usage, SplitCollector rows) {
        List<String> cols = CsvLine.split(line);
        if (cols == null || cols.size() != 3) {
            rows.reject(file, lineNo, "malformed-row", cols == null ? "open quote" : cols.size() + " columns, expected 3");
            return null;
        }
        if (!cols.get(2).trim().equals(usage)) {
            rows.reject(file, lineNo, "usage-mismatch", "fer2013.csv says " + cols.get(2) + ", fer2013new.csv says " + usage);
            return null;
        }
        String[] values = cols.get(1).trim().split(" ");
        if (values.length != SIDE * SIDE) {
            rows.reject(file, lineNo, "bad-pixels", values.length + " pixel values, expected " + SIDE * SIDE);
            return null;
        }
        byte[] grey = new byte[values.length];
        for (int p = 0; p < values.length; p++) {
            int v;
            try {
                v = Integer.parseInt(values[p]);
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 0 || v > 255) {
                rows.reject(file, lineNo, "bad-pixels", "pixel " + p + " is '" + values[p] + "', expected 0..255");
                return null;
            }
            grey[p] = (byte) v;
        }
        return new InlinePixels(file + ":" + lineNo, SIDE, SIDE, grey);
    }

    private static void requireHeader(List<String> lines, String header, String file) {
        if (lines.isEmpty() || !lines.get(0).trim().equals(header)) {
            throw new IllegalArgumentException(file + ":1: expected the header '" + header + "', found '"
                    + (lines.isEmpty() ? "" : lines.get(0)) + "'");
        }
    }
}
