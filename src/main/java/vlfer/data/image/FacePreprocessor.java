package vlfer.data.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;
import vlfer.config.AugmentSettings;
import vlfer.data.video.ClipSampler;

/**
 * Turns decoded faces into a normalised float tensor: per frame, resize (grey becomes RGB; a random
 * resized crop when training), crop-with-padding shift, horizontal flip, colour jitter, the encoder's
 * mean/std, random erasing. A sample of {@code frames} frames fills {@code frames x 3 x H x W}
 * values, frame-major. Randomness comes only from the generator passed in, so a (seed, epoch,
 * partition) replays exactly.
 */
public final class FacePreprocessor implements Serializable {
    private static final double MIN_ASPECT = 0.3;
    private static final double MAX_ASPECT = 1 / 0.3;

    private final InputSpec spec;
    private final AugmentSettings augment;
    private final ClipSampler sampler;

    public FacePreprocessor(InputSpec spec, AugmentSettings augment, int frames) {
        this.spec = spec;
        this.augment = augment;
        this.sampler = new ClipSampler(frames);
    }

    public FacePreprocessor(InputSpec spec, AugmentSettings augment) {
        this(spec, augment, 1);
    }

    public InputSpec spec() {
        return spec;
    }

    public ClipSampler sampler() {
        return sampler;
    }

    public int frames() {
        return sampler.segments();
    }

    /** Values per sample: frames x 3 x H x W. */
    public int tensorLength() {
        return frames() * 3 * spec.pixels();
    }

    /** One still image; {@code rng == null} means evaluation (no augmentation). */
    public void toTensor(BufferedImage img, SplittableRandom rng, float[] out, int offset) {
        toTensor(List.of(img), rng, out, offset);
    }

    /** The frames of one sample, all with the same augmentation draw. */
    public void toTensor(List<BufferedImage> frames, SplittableRandom rng, float[] out, int offset) {
        if (frames.size() != frames()) {
            throw new IllegalArgumentException(frames.size() + " frames given, the model takes " + frames());
        }
        AugmentDraw d = AugmentDraw.draw(augment, rng);
        int frameLength = 3 * spec.pixels();
        for (int f = 0; f < frames.size(); f++) {
            frame(frames.get(f), d, out, offset + f * frameLength);
        }
    }

    private void frame(BufferedImage img, AugmentDraw d, float[] out, int offset) {
        int h = spec.height();
        int w = spec.width();
        int[] rgb = resize(d.resizedCrop() ? region(img, d) : img, w, h).getRGB(0, 0, w, h, null, 0, w);
        int plane = h * w;
        float[] r = new float[plane];
        float[] g = new float[plane];
        float[] b = new float[plane];
        for (int y = 0; y < h; y++) {
            int sy = y + d.dy();
            for (int x = 0; x < w; x++) {
                int sx = (d.flip() ? w - 1 - x : x) + d.dx();
                int p = (sx < 0 || sy < 0 || sx >= w || sy >= h) ? 0 : rgb[sy * w + sx];
                int i = y * w + x;
                r[i] = ((p >> 16) & 0xFF) / 255f;
                g[i] = ((p >> 8) & 0xFF) / 255f;
                b[i] = (p & 0xFF) / 255f;
            }
        }
        if (d.jitter()) {
            ColourJitter.apply(r, g, b, d.brightness(), d.contrast(), d.saturation());
        }
        float[] mean = spec.mean();
        float[] std = spec.std();
        for (int i = 0; i < plane; i++) {
            out[offset + i] = (r[i] - mean[0]) / std[0];
            out[offset + plane + i] = (g[i] - mean[1]) / std[1];
            out[offset + 2 * plane + i] = (b[i] - mean[2]) / std[2];
        }
        if (d.erase()) {
            erase(out, offset, new SplittableRandom(d.eraseSeed()));
        }
    }

    private static BufferedImage region(BufferedImage img, AugmentDraw d) {
        int x = (int) Math.floor(d.cropX() * img.getWidth());
        int y = (int) Math.floor(d.cropY() * img.getHeight());
        int cw = Math.max(1, Math.min(img.getWidth() - x, (int) Math.round(d.cropW() * img.getWidth())));
        int ch = Math.max(1, Math.min(img.getHeight() - y, (int) Math.round(d.cropH() * img.getHeight())));
        return img.getSubimage(x, y, cw, ch);
    }

    private void erase(float[] out, int offset, SplittableRandom rng) {
        int h = spec.height();
        int w = spec.width();
        for (int attempt = 0; attempt < 10; attempt++) {
            double area = h * w * (augment.erasingMinArea() + rng.nextDouble() * (augment.erasingMaxArea() - augment.erasingMinArea()));
            double aspect = Math.exp(Math.log(MIN_ASPECT) + rng.nextDouble() * (Math.log(MAX_ASPECT) - Math.log(MIN_ASPECT)));
            int eh = (int) Math.round(Math.sqrt(area * aspect));
            int ew = (int) Math.round(Math.sqrt(area / aspect));
            if (eh < 1 || ew < 1 || eh >= h || ew >= w) {
                continue;
            }
            int y0 = rng.nextInt(h - eh + 1);
            int x0 = rng.nextInt(w - ew + 1);
            int plane = h * w;
            for (int c = 0; c < 3; c++) {
                for (int y = y0; y < y0 + eh; y++) {
                    int row = offset + c * plane + y * w;
                    java.util.Arrays.fill(out, row + x0, row + x0 + ew, 0f);
                }
            }
            return;
        }
    }

    private static BufferedImage resize(BufferedImage src, int w, int h) {
        if (src.getWidth() == w && src.getHeight() == h && src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return dst;
    }
}
