package vlfer.data.synth.layout;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import vlfer.data.LabelVocabulary;
import vlfer.data.Seeds;
import vlfer.data.affectnet.AffectNetCsvReader;
import vlfer.data.labels.LabelMaps;
import vlfer.data.synth.SynthCanvas;
import vlfer.data.synth.SynthFace;

/**
 * AffectNet's original release: uncropped pictures (the face pasted somewhere on a larger canvas)
 * under Manually_Annotated_Images/<n>/, and the lists training.csv (with header) and
 * validation.csv (without, as some copies ship it) giving the face box, 68 landmarks, the
 * expression id, valence and arousal.
 */
public final class AffectNetCsvLayout implements SynthLayout {
    @Override
    public String format() {
        return "affectnet-csv";
    }

    @Override
    public LabelVocabulary vocabulary() {
        return LabelVocabulary.BASIC_8;
    }

    @Override
    public List<String> splits() {
        return List.of("train", "validation");
    }

    static String relPath(SynthFace f) {
        return (f.index() % 7 + 1) + "/" + f.split().charAt(0) + String.format("%06x", f.index() * 7919 + 17) + ".jpg";
    }

    private record Box(int x, int y, int canvas) {
    }

    private static Box box(SynthFace f, int size, long seed) {
        SplittableRandom r = new SplittableRandom(Seeds.derive(seed, f.split().hashCode(), f.index(), 17));
        int canvas = size * 8 / 5;
        return new Box(r.nextInt(canvas - size + 1), r.nextInt(canvas - size + 1), canvas);
    }

    @Override
    public void write(Path root, List<SynthFace> faces, SynthCanvas canvas) {
        int size = canvas.size();
        Path images = root.resolve(AffectNetCsvReader.IMAGES);
        SynthCanvas.forEach(faces, "faces", f -> {
            Box b = box(f, size, canvas.seed());
            SynthCanvas.writeJpeg(SynthCanvas.onCanvas(canvas.still(f), b.canvas(), b.canvas(), b.x(), b.y(), 0x808080),
                    images.resolve(relPath(f)));
        });
        for (String split : splits()) {
            StringBuilder sb = new StringBuilder(split.equals("train") ? AffectNetCsvReader.HEADER + "\n" : "");
            for (SynthFace f : faces) {
                if (!f.split().equals(split)) {
                    continue;
                }
                Box b = box(f, size, canvas.seed());
                sb.append(relPath(f)).append(',').append(b.x()).append(',').append(b.y()).append(',').append(size).append(',')
                        .append(size).append(',').append(landmarks(b, size)).append(',')
                        .append(LabelMaps.AFFECTNET.tokenOf(f.written())).append(",0.25,-0.1\n");
            }
            SynthCanvas.writeText(root.resolve(AffectNetCsvReader.LISTS).resolve(AffectNetCsvReader.indexFile(split)), sb);
        }
        SynthCanvas.writeText(root.resolve("facial_actions.tsv"), SynthCanvas.actionsTable(faces, AffectNetCsvLayout::relPath));
    }

    private static String landmarks(Box b, int size) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 68; i++) {
            double a = 2 * Math.PI * i / 68;
            sb.append(i == 0 ? "" : ";").append(String.format(Locale.ROOT, "%.2f;%.2f",
                    b.x() + size * (0.5 + 0.35 * Math.cos(a)), b.y() + size * (0.5 + 0.4 * Math.sin(a))));
        }
        return sb.toString();
    }
}
