package vlfer.data.video;

import java.util.List;
import java.util.Set;
import vlfer.config.DatasetSettings;
import vlfer.data.CsvLine;
import vlfer.data.DataFiles;
import vlfer.data.DatasetReader;
import vlfer.data.DatasetSplit;
import vlfer.data.FormatInfo;
import vlfer.data.LabelVocabulary;
import vlfer.data.ReaderSupport;
import vlfer.data.SplitCollector;
import vlfer.data.labels.LabelMaps;

/**
 * DFEW, single-labelled, 5 folds: {@code EmoLabel_DataSplit/train(single-labeled)/set_<fold>.csv}
 * and {@code test(single-labeled)/set_<fold>.csv} with header {@code video_name,label}; a video name
 * is an integer, zero-padded to 5 digits for its frames folder {@code Clip/clip_224x224/<00001>/}.
 */
public final class DfewReader implements DatasetReader {
    public static final String FRAMES = "Clip/clip_224x224";
    public static final int FOLDS = 5;

    private static final FormatInfo INFO = new FormatInfo("dfew", List.of("train", "test"),
            LabelVocabulary.BASIC_7, LabelMaps.DFEW, Set.of("frames"), true);

    @Override
    public FormatInfo info() {
        return INFO;
    }

    public static String indexFile(String split, int fold) {
        return "EmoLabel_DataSplit/" + split + "(single-labeled)/set_" + fold + ".csv";
    }

    @Override
    public DatasetSplit read(DatasetSettings ds, String split, DataFiles files) {
        SplitCollector rows = ReaderSupport.collector(this, ds, split);
        int fold = ReaderSupport.fold(this, ds, FOLDS);
        String root = files.root(ds);
        String index = DataFiles.resolve(root, indexFile(split, fold));
        List<String> lines = files.readLines(ds, index);
        if (lines.isEmpty() || !lines.get(0).trim().equals("video_name,label")) {
            throw new IllegalArgumentException(index + ":1: expected the header 'video_name,label', found '"
                    + (lines.isEmpty() ? "" : lines.get(0)) + "'");
        }
        rows.listFile(index, lines, 1);
        ClipIndex clips = new ClipIndex(files, ds, root, ReaderSupport.option(ds, "frames", FRAMES, List.of()));
        for (int i = 1; i < lines.size(); i++) {
            long lineNo = i + 1L;
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cols = CsvLine.split(lines.get(i));
            if (cols == null || cols.size() != 2) {
                rows.reject(index, lineNo, "malformed-row", lines.get(i));
                continue;
            }
            int video;
            try {
                video = Integer.parseInt(cols.get(0).trim());
            } catch (NumberFormatException e) {
                rows.reject(index, lineNo, "malformed-row", "video_name '" + cols.get(0) + "' is not a number");
                continue;
            }
            String name = String.format("%05d", video);
            if (rows.firstSeen(name, index, lineNo)) {
                clips.add(rows, name, name, cols.get(1).trim(), index, lineNo);
            }
        }
        return rows.build(index);
    }
}
