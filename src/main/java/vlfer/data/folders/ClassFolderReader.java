package vlfer.data.folders;

import java.util.List;
import java.util.Map;
import vlfer.config.DatasetSettings;
import vlfer.data.DataFiles;
import vlfer.data.DatasetReader;
import vlfer.data.DatasetSplit;
import vlfer.data.FileListing;
import vlfer.data.FormatInfo;
import vlfer.data.LabelVocabulary;
import vlfer.data.ReaderSupport;
import vlfer.data.SplitCollector;
import vlfer.data.labels.LabelMap;
import vlfer.data.labels.LabelMaps;
import vlfer.data.source.ImageFile;

/**
 * Image sets shipped as {@code <Split>/<Class>/<image>}: SFEW 2.0 ({@code Train}, {@code Val};
 * folders Angry, Disgust, ...) and CAER-S ({@code train}, {@code test}), whose faces vlfer uses
 * unlabelled (its class folders are ignored).
 */
public final class ClassFolderReader implements DatasetReader {
    private final FormatInfo info;
    private final Map<String, String> splitFolders;
    private final LabelMap labelMap;

    private ClassFolderReader(String format, Map<String, String> splitFolders, LabelMap labelMap) {
        List<String> splits = splitFolders.keySet().stream().sorted(java.util.Comparator.reverseOrder()).toList();
        this.info = FormatInfo.still(format, splits, LabelVocabulary.BASIC_7, labelMap);
        this.splitFolders = splitFolders;
        this.labelMap = labelMap;
    }

    public static ClassFolderReader sfew() {
        return new ClassFolderReader("sfew", Map.of("train", "Train", "val", "Val"), LabelMaps.SFEW);
    }

    public static ClassFolderReader caerS() {
        return new ClassFolderReader("caer-s", Map.of("train", "train", "test", "test"), null);
    }

    @Override
    public FormatInfo info() {
        return info;
    }

    public String splitFolder(String split) {
        return splitFolders.get(split);
    }

    @Override
    public DatasetSplit read(DatasetSettings ds, String split, DataFiles files) {
        ReaderSupport.checkOptions(this, ds);
        ReaderSupport.checkSplit(this, ds, split);
        LabelMap map = labelMap == null ? null : ReaderSupport.labelMap(this, ds);
        SplitCollector rows = new SplitCollector(ds, split, ReaderSupport.classes(this, ds), map, false);
        String root = files.root(ds);
        String dir = DataFiles.resolve(root, splitFolder(split));
        FileListing listing = files.listFiles(ds, dir, "split folder");
        ReaderSupport.rejectRefused(rows, listing);
        for (String rel : listing.files()) {
            String path = dir + "/" + rel;
            String[] parts = rel.split("/");
            if (parts.length != 2) {
                rows.reject(path, 0, "outside-class-folder", "expected " + splitFolder(split) + "/<Class>/<image>");
                continue;
            }
            if (!ReaderSupport.isImageFile(parts[1])) {
                rows.reject(path, 0, "not-an-image", "not a .jpg/.jpeg/.png/.bmp file");
                continue;
            }
            ImageFile source = new ImageFile(path);
            String id = parts[0] + "/" + ReaderSupport.stem(parts[1]);
            if (map == null) {
                rows.addUnlabelled(id, source);
            } else {
                rows.add(id, parts[0], source, path, 0);
            }
        }
        return rows.build(dir);
    }
}
