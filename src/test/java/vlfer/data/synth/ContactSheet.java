package vlfer.data.synth;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import vlfer.data.LabelVocabulary;

/** Not a test: draws rows of faces per class into a PNG, for a person to look at. */
public final class ContactSheet {
    public static void main(String[] args) throws Exception {
        int perRow = Integer.parseInt(args.length > 1 ? args[1] : "10");
        SynthSettings s = new SynthSettings(42, 1, 1, 100, 0.0, 0.25, 1.0, 12, 0.15, 0.45, 0.25, 6, 0.15, LabelVocabulary.BASIC_7);
        FaceParameterSampler sampler = new FaceParameterSampler(s);
        FaceRenderer renderer = new FaceRenderer(100);
        LabelVocabulary v = LabelVocabulary.BASIC_7;
        BufferedImage sheet = new BufferedImage(100 * perRow, 100 * v.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        for (int c = 0; c < v.size(); c++) {
            for (int i = 0; i < perRow; i++) {
                g.drawImage(renderer.render(sampler.sample(v.get(c), FaceParameterSampler.random(7, "sheet", c * 100 + i))), i * 100, c * 100, null);
            }
        }
        g.dispose();
        ImageIO.write(sheet, "png", Path.of(args[0]).toFile());
    }
}
