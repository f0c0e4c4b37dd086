package vlfer.data.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vlfer.data.HadoopConfSnapshot;

/**
 * Files that would hang, exhaust or fool a decoder: a JPEG cut inside its data, a 4 KB JPEG whose
 * header claims billions of pixels, bytes that are no image, a FIFO. Each is refused with its
 * reason; nothing is decoded in part, nothing waits, nothing allocates the claimed size.
 */
class BoundedDecodingTest {
    @TempDir
    Path dir;

    private final FaceImageDecoder decoder = new FaceImageDecoder(new HadoopConfSnapshot(new Configuration()), 1_000_000L);

    private static byte[] jpeg(int side) throws IOException {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                img.setRGB(x, y, (x * 7 + y * 13) * 0x010101 ^ (x * y));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    private String reason(Path file) {
        FaceImageDecoder.RefusedImageException e =
                assertThrows(FaceImageDecoder.RefusedImageException.class, () -> decoder.decode(file.toString()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        return e.reason();
    }

    @Test
    void aWholeImageDecodes() throws IOException {
        Path ok = Files.write(dir.resolve("ok.jpg"), jpeg(64));
        assertEquals(64, decoder.decode(ok.toString()).getWidth());
    }

    @Test
    void aJpegCutInsideItsDataIsRefusedNotDecodedInPart() throws IOException {
        byte[] whole = jpeg(96);
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length * 2 / 3));
        assertEquals("corrupt-image", reason(cut));
    }

    @Test
    void aHeaderClaimingAHugeImageIsRefusedBeforeDecoding() throws IOException {
        byte[] bytes = jpeg(32);
        for (int i = 0; i + 8 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xC0) { // SOF0: length, precision, height, width: 65280 x 65280
                bytes[i + 5] = (byte) 0xFF;
                bytes[i + 6] = (byte) 0x00;
                bytes[i + 7] = (byte) 0xFF;
                bytes[i + 8] = (byte) 0x00;
                break;
            }
        }
        Path huge = Files.write(dir.resolve("huge.jpg"), bytes);
        assertTrue(bytes.length < 8192, "a small file: " + bytes.length);
        assertEquals("image-too-large", reason(huge));
    }

    @Test
    void bytesThatAreNoImageAreRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "these are not pixels");
        assertEquals("not-an-image", reason(text));
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertEquals("not-an-image", reason(empty));
    }

    @Test
    void aFifoIsRefusedWithoutWaiting() throws Exception {
        Path fifo = dir.resolve("fifo.jpg");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String why = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> reason(fifo));
        assertEquals("not-a-regular-file", why);
    }
}
