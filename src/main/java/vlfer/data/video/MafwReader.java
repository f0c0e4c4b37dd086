package vlfer.data.video;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * MAFW, single-labelled, 5 folds, 11 classes: {@code anno/single/no_caption/set_<fold>/{train,test}.txt}
 * with lines {@code 03747.mp4 anger}; frames under {@code data/frames/<clip id>/}. The
 * {@code with_caption} variant ({@code options.annotations = with_caption}) is tab-separated and
 * GBK-encoded (its Chinese captions); only the first two fields are used.
 */
public final class MafwReader implements DatasetReader {
    public static final String FRAMES = "data/frames";
    public static final int FOLDS = 5;

    private static final FormatInfo INFO = new FormatInfo("mafw", List.of("train", "test"),
            LabelVocabulary.MAFW_11, LabelMaps.MAFW, Set.of("frames", "annotations"), true);

    @Override
    public FormatInfo info() {
        return INFO;
    }

    public static String indexFile(String variant, int fold, String split) {
        return "anno/single/" + variant + "/set_" + fold + "/" + split + ".txt";
    }

    @Override
    public DatasetSplit read(DatasetSettings ds, String split, DataFiles files) {
        SplitCollector rows = ReaderSupport.collector(this, ds, split);
        int fold = ReaderSupport.fold(this, ds, FOLDS);
        String variant = ReaderSupport.option(ds, "annotations", "no_caption", List.of("no_caption", "with_caption"));
        boolean captions = variant.equals("with_caption");
        Charset charset = captions ? Charset.forName("GBK") : StandardCharsets.UTF_8;
        String root = files.root(ds);
        String index = DataFiles.resolve(root, indexFile(variant, fold, split));
        List<String> lines = files.readLines(ds, index, charset);
        rows.listFile(index, lines, 0);
        ClipIndex clips = new ClipIndex(files, ds, root, ReaderSupport.option(ds, "frames", FRAMES, List.of()));
        for (int i = 0; i < lines.size(); i++) {
            long lineNo = i + 1L;
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cols = captions ? line.split("\t") : line.split("\\s+");
            if ((captions ? cols.length < 2 : cols.length != 2) || !cols[0].endsWith(".mp4")) {
                rows.reject(index, lineNo, "malformed-row", line);
                continue;
            }
            String clip = cols[0].substring(0, cols[0].length() - ".mp4".length());
            if (rows.firstSeen(clip, index, lineNo)) {
                clips.add(rows, clip, clip, cols[1].strip(), index, lineNo);
            }
        }
        return rows.build(index);
    }
}
