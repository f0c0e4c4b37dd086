package vlfer.data.synth.layout;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vlfer.data.LabelVocabulary;
import vlfer.data.labels.LabelMaps;
import vlfer.data.synth.SynthCanvas;
import vlfer.data.synth.SynthFace;
import vlfer.data.video.DfewReader;
import vlfer.data.video.Ferv39kReader;
import vlfer.data.video.MafwReader;

/**
 * The video sets, each clip a folder of frames: DFEW and MAFW (all clips in one pool, five folds,
 * a clip tested in exactly one fold) and FERV39k (one train/test split, clips grouped by scene).
 * Frame names differ as in the releases; MAFW's are unpadded (1.png ... 12.png) so that readers must
 * order them numerically.
 */
public final class VideoLayout implements SynthLayout {
    private static final List<String> SCENES = List.of("Daily", "Interview", "Talkshow", "Action");

    private final String format;

    private VideoLayout(String format) {
        this.format = format;
    }

    public static VideoLayout dfew() {
        return new VideoLayout("dfew");
    }

    public static VideoLayout ferv39k() {
        return new VideoLayout("ferv39k");
    }

    public static VideoLayout mafw() {
        return new VideoLayout("mafw");
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public LabelVocabulary vocabulary() {
        return format.equals("mafw") ? LabelVocabulary.MAFW_11 : LabelVocabulary.BASIC_7;
    }

    /** DFEW and MAFW pool every clip and cut five folds; FERV39k ships one split. */
    @Override
    public List<String> splits() {
        return format.equals("ferv39k") ? List.of("train", "test") : List.of("all");
    }

    private static String ferv39kClip(SynthFace f) {
        return SCENES.get(f.index() % SCENES.size()) + "/" + LabelMaps.FERV39K.tokenOf(f.written()) + "/"
                + String.format("%s%04d", f.split().charAt(0), f.index());
    }

    /** The clip folder relative to the dataset root. */
    private String clipDir(SynthFace f) {
        return switch (format) {
            case "dfew" -> DfewReader.FRAMES + "/" + String.format("%05d", f.index() + 1);
            case "mafw" -> MafwReader.FRAMES + "/" + String.format("%05d", f.index() + 1);
            default -> Ferv39kReader.FRAMES + "/" + ferv39kClip(f);
        };
    }

    private String frameName(int t) {
        return switch (format) {
            case "dfew" -> String.format("%05d.jpg", t + 1);
            case "mafw" -> (t + 1) + ".png";
            default -> String.format("%04d.jpg", t);
        };
    }

    @Override
    public void write(Path root, List<SynthFace> faces, SynthCanvas canvas) {
        SynthCanvas.forEach(faces, "clips", f -> {
            List<BufferedImage> frames = canvas.clip(f);
            Path dir = root.resolve(clipDir(f));
            for (int t = 0; t < frames.size(); t++) {
                if (format.equals("mafw")) {
                    SynthCanvas.writePng(frames.get(t), dir.resolve(frameName(t)));
                } else {
                    SynthCanvas.writeJpeg(frames.get(t), dir.resolve(frameName(t)));
                }
            }
        });
        switch (format) {
            case "dfew" -> writeDfew(root, faces);
            case "mafw" -> writeMafw(root, faces);
            default -> writeFerv39k(root, faces);
        }
        SynthCanvas.writeText(root.resolve("facial_actions.tsv"), SynthCanvas.actionsTable(faces, f -> {
            String d = clipDir(f);
            return format.equals("ferv39k") ? ferv39kClip(f) : d.substring(d.lastIndexOf('/') + 1);
        }));
    }

    private static void writeDfew(Path root, List<SynthFace> faces) {
        for (int fold = 1; fold <= DfewReader.FOLDS; fold++) {
            for (String split : List.of("train", "test")) {
                StringBuilder sb = new StringBuilder("video_name,label\n");
                for (SynthFace f : faces) {
                    if ((f.fold() == fold) == split.equals("test")) {
                        sb.append(f.index() + 1).append(',').append(LabelMaps.DFEW.tokenOf(f.written())).append('\n');
                    }
                }
                SynthCanvas.writeText(root.resolve(DfewReader.indexFile(split, fold)), sb);
            }
        }
    }

    private static void writeMafw(Path root, List<SynthFace> faces) {
        for (int fold = 1; fold <= MafwReader.FOLDS; fold++) {
            for (String split : List.of("train", "test")) {
                StringBuilder sb = new StringBuilder();
                for (SynthFace f : faces) {
                    if ((f.fold() == fold) == split.equals("test")) {
                        sb.append(String.format("%05d.mp4 ", f.index() + 1)).append(LabelMaps.MAFW.tokenOf(f.written())).append('\n');
                    }
                }
                SynthCanvas.writeText(root.resolve(MafwReader.indexFile("no_caption", fold, split)), sb);
            }
        }
    }

    private static void writeFerv39k(Path root, List<SynthFace> faces) {
        Map<String, StringBuilder> bySplit = Map.of("train", new StringBuilder(), "test", new StringBuilder());
        for (SynthFace f : faces) {
            bySplit.get(f.split()).append(ferv39kClip(f)).append(' ').append(LabelMaps.FERV39K.tokenOf(f.written())).append('\n');
        }
        bySplit.forEach((split, sb) -> SynthCanvas.writeText(root.resolve(Ferv39kReader.indexFile(split)), sb));
    }

}
