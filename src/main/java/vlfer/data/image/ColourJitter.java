package vlfer.data.image;

/**
 * Brightness, contrast and saturation changes of one RGB image in [0, 1], in torchvision's order
 * and definitions: brightness scales, contrast blends with the image's mean grey, saturation blends
 * with each pixel's grey (ITU-R 601 weights); values are clamped to [0, 1] after each step.
 */
final class ColourJitter {
    private ColourJitter() {
    }

    static void apply(float[] r, float[] g, float[] b, float brightness, float contrast, float saturation) {
        int n = r.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            r[i] = clamp(r[i] * brightness);
            g[i] = clamp(g[i] * brightness);
            b[i] = clamp(b[i] * brightness);
            sum += grey(r[i], g[i], b[i]);
        }
        float mean = (float) (sum / n);
        for (int i = 0; i < n; i++) {
            r[i] = clamp(mean + contrast * (r[i] - mean));
            g[i] = clamp(mean + contrast * (g[i] - mean));
            b[i] = clamp(mean + contrast * (b[i] - mean));
            float grey = grey(r[i], g[i], b[i]);
            r[i] = clamp(grey + saturation * (r[i] - grey));
            g[i] = clamp(grey + saturation * (g[i] - grey));
            b[i] = clamp(grey + saturation * (b[i] - grey));
        }
    }

    private static float grey(float r, float g, float b) {
        return 0.299f * r + 0.587f * g + 0.114f * b;
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
