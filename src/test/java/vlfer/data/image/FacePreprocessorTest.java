package vlfer.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import vlfer.config.AugmentSettings;

class FacePreprocessorTest {
    private static final InputSpec SPEC = new InputSpec(8, 8, new float[]{0.5f, 0.25f, 0f}, new float[]{0.5f, 0.25f, 1f});

    private static BufferedImage solid(int rgb, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    @Test
    void evaluationNormalisesPerChannelInChwOrder() {
        float[] out = new float[3 * 64];
        new FacePreprocessor(SPEC, AugmentSettings.NONE).toTensor(solid(0xFF8000, 16), null, out, 0);
        // R = 1.0 -> (1 - 0.5) / 0.5 = 1; G = 128/255 -> (0.502 - 0.25) / 0.25; B = 0 -> 0
        assertEquals(1f, out[0], 1e-6);
        assertEquals((128 / 255f - 0.25f) / 0.25f, out[64], 1e-6);
        assertEquals(0f, out[128], 1e-6);
    }

    @Test
    void greyImagesBecomeRgb() {
        BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 255);
        float[] out = new float[3 * 64];
        new FacePreprocessor(new InputSpec(8, 8, new float[3], new float[]{1, 1, 1}), AugmentSettings.NONE).toTensor(grey, null, out, 0);
        assertEquals(out[0], out[64], 1e-6);
        assertEquals(out[0], out[128], 1e-6);
        assertTrue(out[0] > 0.9f);
    }

    @Test
    void augmentationReplaysForTheSameSeedAndChangesTheImage() {
        AugmentSettings always = new AugmentSettings(2, 1.0, 1.0, 1.0, 0.1, 0.3);
        FacePreprocessor pre = new FacePreprocessor(SPEC, always);
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                img.setRGB(x, y, (x * 30) << 16 | (y * 30) << 8 | 200);
            }
        }
        float[] a = new float[192];
        float[] b = new float[192];
        float[] plain = new float[192];
        pre.toTensor(img, new SplittableRandom(3), a, 0);
        pre.toTensor(img, new SplittableRandom(3), b, 0);
        new FacePreprocessor(SPEC, AugmentSettings.NONE).toTensor(img, null, plain, 0);
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, plain));
    }

    @Test
    void flipMirrorsColumns() {
        AugmentSettings flipOnly = new AugmentSettings(0, 0, 1.0, 0, 0.02, 0.25);
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFFFFFF);
        float[] out = new float[192];
        new FacePreprocessor(new InputSpec(8, 8, new float[3], new float[]{1, 1, 1}), flipOnly).toTensor(img, new SplittableRandom(1), out, 0);
        assertEquals(1f, out[7], 1e-6);
        assertEquals(0f, out[0], 1e-6);
    }
}
