package vlfer.data.synth.layout;

import java.nio.file.Path;
import java.util.List;
import vlfer.data.LabelVocabulary;
import vlfer.data.labels.LabelMaps;
import vlfer.data.rafdb.RafDbReader;
import vlfer.data.synth.SynthCanvas;
import vlfer.data.synth.SynthFace;

/** RAF-DB basic: CRLF {@code EmoLabel/list_patition_label.txt}, {@code Image/aligned/<stem>_aligned.jpg}. */
public final class RafDbLayout implements SynthLayout {
    public static final String ACTIONS_FILE = "EmoLabel/facial_actions.tsv";

    @Override
    public String format() {
        return "rafdb";
    }

    @Override
    public LabelVocabulary vocabulary() {
        return LabelVocabulary.BASIC_7;
    }

    @Override
    public List<String> splits() {
        return List.of("train", "test");
    }

    static String stem(SynthFace f) {
        return String.format(f.split().equals("train") ? "train_%05d" : "test_%04d", f.index() + 1);
    }

    @Override
    public void write(Path root, List<SynthFace> faces, SynthCanvas canvas) {
        SynthCanvas.forEach(faces, "faces", f -> SynthCanvas.writeJpeg(canvas.still(f),
                root.resolve(RafDbReader.IMAGE_DIR).resolve(stem(f) + "_aligned.jpg")));
        StringBuilder labels = new StringBuilder();
        for (SynthFace f : faces) {
            labels.append(stem(f)).append(".jpg ").append(LabelMaps.RAFDB.tokenOf(f.written())).append("\r\n");
        }
        SynthCanvas.writeText(root.resolve(RafDbReader.LABEL_FILE), labels);
        SynthCanvas.writeText(root.resolve(ACTIONS_FILE), SynthCanvas.actionsTable(faces, f -> stem(f) + ".jpg"));
    }
}
