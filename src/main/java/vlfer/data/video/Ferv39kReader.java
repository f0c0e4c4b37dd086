package vlfer.data.video;

import java.util.List;
import java.util.Set;
import vlfer.config.DatasetSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetReader;
import vlfer.data.DatasetSplit;
import vlfer.data.FormatInfo;
import vlfer.data.LabelVocabulary;
import vlfer.data.ReaderSupport;
import vlfer.data.SplitCollector;
import vlfer.data.labels.LabelMaps;

/**
 * FERV39k: {@code 4_setups/All_scenes/{train,test}_All.csv}, space-separated without a header,
 * {@code <Scene>/<Emotion>/<clipId> <Emotion>}; frames under {@code 2_ClipsforFaceCrop/<Scene>/<Emotion>/<clipId>/}.
 */
public final class Ferv39kReader implements DatasetReader {
    public static final String FRAMES = "2_ClipsforFaceCrop";

    private static final FormatInfo INFO = new FormatInfo("ferv39k", List.of("train", "test"),
            LabelVocabulary.BASIC_7, LabelMaps.FERV39K, Set.of("frames"), true);

    @Override
    public FormatInfo info() {
        return INFO;
    }

    public static String indexFile(String split) {
        return "4_setups/All_scenes/" + split + "_All.csv";
    }

    @Override
    public DatasetSplit read(DatasetSettings ds, String split, DataFiles files) {
        SplitCollector rows = ReaderSupport.collector(this, ds, split);
        String root = files.root(ds);
        String index = DataFiles.resolve(root, indexFile(split));
        List<String> lines = files.readLines(ds, index);
        rows.listFile(index, lines, 0);
        ClipIndex clips = new ClipIndex(files, ds, root, ReaderSupport.option(ds, "frames", FRAMES, List.of()));
        for (int i = 0; i < lines.size(); i++) {
            long lineNo = i + 1L;
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cols = line.split("\\s+");
            if (cols.length != 2 || cols[0].split("/").length != 3) {
                rows.reject(index, lineNo, "malformed-row", line);
                continue;
            }
            if (rows.firstSeen(cols[0], index, lineNo)) {
                clips.add(rows, cols[0], cols[0], cols[1], index, lineNo);
            }
        }
        return rows.build(index);
    }
}
