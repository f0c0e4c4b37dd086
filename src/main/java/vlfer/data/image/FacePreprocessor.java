package vlfer.data.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.util.SplittableRandom;
import vlfer.config.AugmentSettings;

/**
 * Turns a decoded face into a normalised CHW float tensor: resize (grey becomes RGB), then, when
 * training, crop-with-padding, horizontal flip and random erasing as the ke2nt recipe does.
 * Randomness comes only from the generator passed in, so a (seed, epoch, partition) replays exactly.
 */
public final class FacePreprocessor implements Serializable {
    private static final double MIN_ASPECT = 0.3;
    private static final double MAX_ASPECT = 1 / 0.3;

    private final InputSpec spec;
    private final AugmentSettings augment;

    public FacePreprocessor(InputSpec spec, AugmentSettings augment) {
        this.spec = spec;
        this.augment = augment;
    }

    public InputSpec spec() {
        return spec;
    }

    public int tensorLength() {
        return 3 * spec.pixels();
    }

    /** Writes the tensor of {@code img} at {@code out[offset..]}; {@code rng == null} means evaluation (no augmentation). */
    public void toTensor(BufferedImage img, SplittableRandom rng, float[] out, int offset) {
        int h = spec.height();
        int w = spec.width();
        int[] rgb = resize(img, w, h).getRGB(0, 0, w, h, null, 0, w);
        boolean train = rng != null;
        int dx = 0;
        int dy = 0;
        int pad = augment.cropPadding();
        if (train && pad > 0 && rng.nextDouble() < augment.cropProbability()) {
            dx = rng.nextInt(2 * pad + 1) - pad;
            dy = rng.nextInt(2 * pad + 1) - pad;
        }
        boolean flip = train && rng.nextDouble() < augment.flipProbability();
        float[] mean = spec.mean();
        float[] std = spec.std();
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            int sy = y + dy;
            for (int x = 0; x < w; x++) {
                int sx = (flip ? w - 1 - x : x) + dx;
                int p = (sx < 0 || sy < 0 || sx >= w || sy >= h) ? 0 : rgb[sy * w + sx];
                int o = offset + y * w + x;
                out[o] = (((p >> 16) & 0xFF) / 255f - mean[0]) / std[0];
                out[o + plane] = (((p >> 8) & 0xFF) / 255f - mean[1]) / std[1];
                out[o + 2 * plane] = ((p & 0xFF) / 255f - mean[2]) / std[2];
            }
        }
        if (train && rng.nextDouble() < augment.erasingProbability()) {
            erase(out, offset, rng);
        }
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
