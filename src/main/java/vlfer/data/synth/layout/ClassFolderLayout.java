package vlfer.data.synth.layout;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vlfer.data.Expression;
import vlfer.data.LabelVocabulary;
import vlfer.data.labels.LabelMaps;
import vlfer.data.synth.SynthCanvas;
import vlfer.data.synth.SynthFace;

/** {@code <Split>/<Class>/<image>.png}: SFEW 2.0 (Train, Val) and CAER-S (train, test; its folder names). */
public final class ClassFolderLayout implements SynthLayout {
    private static final Map<Expression, String> CAER_FOLDERS = Map.of(Expression.ANGER, "Anger", Expression.DISGUST, "Disgust",
            Expression.FEAR, "Fear", Expression.HAPPINESS, "Happy", Expression.NEUTRAL, "Neutral", Expression.SADNESS, "Sad",
            Expression.SURPRISE, "Surprise");

    private final String format;
    private final List<String> splits;
    private final Map<String, String> splitFolders;

    private ClassFolderLayout(String format, List<String> splits, Map<String, String> splitFolders) {
        this.format = format;
        this.splits = splits;
        this.splitFolders = splitFolders;
    }

    public static ClassFolderLayout sfew() {
        return new ClassFolderLayout("sfew", List.of("train", "val"), Map.of("train", "Train", "val", "Val"));
    }

    public static ClassFolderLayout caerS() {
        return new ClassFolderLayout("caer-s", List.of("train", "test"), Map.of("train", "train", "test", "test"));
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public LabelVocabulary vocabulary() {
        return LabelVocabulary.BASIC_7;
    }

    @Override
    public List<String> splits() {
        return splits;
    }

    private String relPath(SynthFace f) {
        String folder = format.equals("sfew") ? LabelMaps.SFEW.tokenOf(f.written()) : CAER_FOLDERS.get(f.written());
        return splitFolders.get(f.split()) + "/" + folder + "/" + String.format("%04d.png", f.index());
    }

    @Override
    public void write(Path root, List<SynthFace> faces, SynthCanvas canvas) {
        SynthCanvas.forEach(faces, "faces", f -> SynthCanvas.writePng(canvas.still(f), root.resolve(relPath(f))));
        SynthCanvas.writeText(root.resolve("facial_actions.tsv"), SynthCanvas.actionsTable(faces, f -> {
            String p = relPath(f);
            return p.substring(p.indexOf('/') + 1, p.length() - ".png".length());
        }));
    }
}
