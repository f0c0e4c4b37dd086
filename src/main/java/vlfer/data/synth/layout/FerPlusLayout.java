package vlfer.data.synth.layout;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import vlfer.data.Expression;
import vlfer.data.LabelVocabulary;
import vlfer.data.Seeds;
import vlfer.data.ferplus.FerPlusMajority;
import vlfer.data.ferplus.FerPlusReader;
import vlfer.data.synth.SynthCanvas;
import vlfer.data.synth.SynthFace;

/**
 * FERPlus: 48x48 grey faces as Kaggle's {@code fer2013.csv} pixel strings, the same faces as PNGs in
 * FER2013Train/Valid/Test, and {@code fer2013new.csv} with ten taggers' votes whose majority is the
 * written class.
 */
public final class FerPlusLayout implements SynthLayout {
    /** FER2013's own 0..6 ids (angry, disgust, fear, happy, sad, surprise, neutral), written in fer2013.csv. */
    private static final List<Expression> FER2013_IDS = List.of(Expression.ANGER, Expression.DISGUST, Expression.FEAR,
            Expression.HAPPINESS, Expression.SADNESS, Expression.SURPRISE, Expression.NEUTRAL);

    @Override
    public String format() {
        return "ferplus";
    }

    @Override
    public LabelVocabulary vocabulary() {
        return LabelVocabulary.BASIC_8;
    }

    @Override
    public List<String> splits() {
        return List.of("train", "val", "test");
    }

    @Override
    public void write(Path root, List<SynthFace> faces, SynthCanvas canvas) {
        String[] pixels = new String[faces.size()];
        java.util.Map<SynthFace, Integer> row = new java.util.IdentityHashMap<>();
        for (int i = 0; i < faces.size(); i++) {
            row.put(faces.get(i), i);
        }
        SynthCanvas.forEach(faces, "faces", f -> {
            int i = row.get(f);
            BufferedImage grey = SynthCanvas.grey(canvas.still(f), FerPlusReader.SIDE);
            SynthCanvas.writePng(grey, root.resolve(FerPlusReader.pngFolder(f.split())).resolve(String.format("fer%07d.png", i)));
            Raster r = grey.getRaster();
            StringBuilder sb = new StringBuilder();
            for (int y = 0; y < FerPlusReader.SIDE; y++) {
                for (int x = 0; x < FerPlusReader.SIDE; x++) {
                    sb.append(x + y == 0 ? "" : " ").append(r.getSample(x, y, 0));
                }
            }
            pixels[i] = sb.toString();
        });
        StringBuilder old = new StringBuilder(FerPlusReader.PIXELS_HEADER + "\n");
        StringBuilder votes = new StringBuilder(FerPlusReader.LABELS_HEADER + "\n");
        for (int i = 0; i < faces.size(); i++) {
            SynthFace f = faces.get(i);
            String usage = FerPlusReader.usage(f.split());
            int fer2013 = Math.max(0, FER2013_IDS.indexOf(f.written()));
            old.append(fer2013).append(',').append(pixels[i]).append(',').append(usage).append('\n');
            votes.append(usage).append(',').append(String.format("fer%07d.png", i));
            for (int v : votes(f, canvas.seed())) {
                votes.append(',').append(v);
            }
            votes.append('\n');
        }
        SynthCanvas.writeText(root.resolve(FerPlusReader.PIXELS), old);
        SynthCanvas.writeText(root.resolve(FerPlusReader.LABELS), votes);
        SynthCanvas.writeText(root.resolve("facial_actions.tsv"),
                SynthCanvas.actionsTable(faces, f -> String.format("fer%07d", row.get(f))));
    }

    /** Ten taggers: 6 to 9 vote the written class, the rest split between one or two others. */
    static int[] votes(SynthFace f, long seed) {
        SplittableRandom r = new SplittableRandom(Seeds.derive(seed, f.split().hashCode(), f.index(), 13));
        int[] v = new int[FerPlusMajority.COLUMNS.size()];
        int winner = FerPlusMajority.COLUMNS.indexOf(f.written().noun());
        int majority = 6 + r.nextInt(4);
        v[winner] = majority;
        for (int left = 10 - majority; left > 0; left--) {
            int other = r.nextInt(v.length);
            v[other == winner ? (other + 1) % 8 : other]++;
        }
        return v;
    }
}
