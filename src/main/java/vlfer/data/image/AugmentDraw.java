package vlfer.data.image;

import java.util.SplittableRandom;
import vlfer.config.AugmentSettings;

/**
 * The random choices of one sample's augmentation, drawn once so that every frame of a clip gets
 * the same ones. {@link #NONE} is evaluation.
 */
record AugmentDraw(double cropX, double cropY, double cropW, double cropH, int dx, int dy, boolean flip,
                   float brightness, float contrast, float saturation, boolean erase, long eraseSeed) {
    static final AugmentDraw NONE = new AugmentDraw(0, 0, 1, 1, 0, 0, false, 1, 1, 1, false, 0);
    private static final double MIN_RATIO = 3.0 / 4;
    private static final double MAX_RATIO = 4.0 / 3;

    static AugmentDraw draw(AugmentSettings a, SplittableRandom rng) {
        if (rng == null) {
            return NONE;
        }
        double cx = 0;
        double cy = 0;
        double cw = 1;
        double ch = 1;
        if (rng.nextDouble() < a.resizedCropProbability()) {
            // torchvision's RandomResizedCrop: area fraction and log-uniform aspect, as fractions of the image.
            double scale = a.resizedCropMinScale() + rng.nextDouble() * (a.resizedCropMaxScale() - a.resizedCropMinScale());
            double ratio = Math.exp(Math.log(MIN_RATIO) + rng.nextDouble() * (Math.log(MAX_RATIO) - Math.log(MIN_RATIO)));
            cw = Math.min(1, Math.sqrt(scale * ratio));
            ch = Math.min(1, Math.sqrt(scale / ratio));
            cx = rng.nextDouble() * (1 - cw);
            cy = rng.nextDouble() * (1 - ch);
        }
        int dx = 0;
        int dy = 0;
        int pad = a.cropPadding();
        if (pad > 0 && rng.nextDouble() < a.cropProbability()) {
            dx = rng.nextInt(2 * pad + 1) - pad;
            dy = rng.nextInt(2 * pad + 1) - pad;
        }
        boolean flip = rng.nextDouble() < a.flipProbability();
        float b = 1;
        float c = 1;
        float s = 1;
        if (rng.nextDouble() < a.jitterProbability()) {
            b = factor(rng, a.brightness());
            c = factor(rng, a.contrast());
            s = factor(rng, a.saturation());
        }
        boolean erase = rng.nextDouble() < a.erasingProbability();
        return new AugmentDraw(cx, cy, cw, ch, dx, dy, flip, b, c, s, erase, rng.nextLong());
    }

    /** A factor uniform in [1 - strength, 1 + strength], as torchvision's ColorJitter. */
    private static float factor(SplittableRandom rng, double strength) {
        return (float) (1 - strength + 2 * strength * rng.nextDouble());
    }

    boolean resizedCrop() {
        return cropW < 1 || cropH < 1;
    }

    boolean jitter() {
        return brightness != 1 || contrast != 1 || saturation != 1;
    }
}
