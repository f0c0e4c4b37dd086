package vlfer.data.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vlfer.data.Seeds;

/** What layout writers draw and write with: still faces, clips, image files, text files, a progress log. */
public final class SynthCanvas {
    private static final Logger LOG = LoggerFactory.getLogger(SynthCanvas.class);
    private static final float JPEG_QUALITY = 0.92f;
    /** Frames per synthetic clip: some shorter than 16, so that the repeat-last-frame rule is exercised. */
    public static final int MIN_FRAMES = 10;
    public static final int MAX_FRAMES = 24;

    private final SynthSettings settings;
    private final FaceRenderer renderer;

    SynthCanvas(SynthSettings settings) {
        this.settings = settings;
        this.renderer = new FaceRenderer(settings.imageSize());
    }

    public int size() {
        return settings.imageSize();
    }

    public long seed() {
        return settings.seed();
    }

    public BufferedImage still(SynthFace f) {
        return renderer.render(f.params());
    }

    /**
     * A clip of the face: the expression rises from a fifth of its apex to the apex over the first
     * two thirds and holds, the head drifts slightly, and each frame has its own pixel noise.
     */
    public List<BufferedImage> clip(SynthFace f) {
        SplittableRandom r = new SplittableRandom(Seeds.derive(settings.seed(), f.split().hashCode(), f.index(), 11));
        int n = MIN_FRAMES + r.nextInt(MAX_FRAMES - MIN_FRAMES + 1);
        double drift = (2 * r.nextDouble() - 1) * 3;
        List<BufferedImage> frames = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            double progress = n == 1 ? 1 : Math.min(1, t / (0.66 * (n - 1)));
            frames.add(renderer.render(f.params().atFrame(0.2 + 0.8 * progress, drift * t / n, r.nextLong())));
        }
        return frames;
    }

    /** The face pasted at (x, y) on a larger canvas, as uncropped photographs are. */
    public static BufferedImage onCanvas(BufferedImage face, int width, int height, int x, int y, int background) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(new Color(background));
            g.fillRect(0, 0, width, height);
            g.drawImage(face, x, y, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    public static BufferedImage grey(BufferedImage img, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, side, side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    public static void writeJpeg(BufferedImage img, Path file) {
        mkdirs(file);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (OutputStream out = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    public static void writePng(BufferedImage img, Path file) {
        mkdirs(file);
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static void writeText(Path file, CharSequence text) {
        mkdirs(file);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static void writeBytes(Path file, byte[] bytes) {
        mkdirs(file);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void mkdirs(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on every face in parallel, logging progress about every tenth. */
    public static void forEach(List<SynthFace> faces, String what, Consumer<SynthFace> work) {
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        int step = Math.max(1, faces.size() / 10);
        IntStream.range(0, faces.size()).parallel().forEach(i -> {
            work.accept(faces.get(i));
            int n = done.incrementAndGet();
            if (n % step == 0 || n == faces.size()) {
                double secs = (System.nanoTime() - start) / 1e9;
                LOG.info("synthetic {}: {}/{} ({}/s)", what, n, faces.size(), String.format("%.0f", n / secs));
            }
        });
    }

    /** The facial-action table: sample id as the dataset's reader names it, true and written class, AUs, description. */
    public static String actionsTable(List<SynthFace> faces, java.util.function.Function<SynthFace, String> id) {
        StringBuilder sb = new StringBuilder("image\ttrue_label\twritten_label\taction_units\tdescription\n");
        for (SynthFace f : faces) {
            sb.append(id.apply(f)).append('\t').append(f.drawn().noun()).append('\t').append(f.written().noun()).append('\t')
                    .append(FacialActionDescriber.code(f.params())).append('\t')
                    .append(FacialActionDescriber.describe(f.params())).append('\n');
        }
        return sb.toString();
    }
}
