package vlfer.data.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * One image decoded with bounds: its size is read from the header before any pixel is, and an image
 * above the pixel limit is refused ({@code image-too-large}); a warning while decoding (JPEG data
 * that ends early, a corrupt segment) refuses the image ({@code truncated-image}) instead of
 * keeping the part that decoded; a file no reader recognises is {@code not-an-image}.
 */
final class BoundedImageRead {
    private BoundedImageRead() {
    }

    static BufferedImage read(InputStream in, String path, long maxPixels) throws IOException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            if (iis == null) {
                throw new IOException("cannot open " + path + " as an image stream");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new FaceImageDecoder.RefusedImageException("not-an-image", path + ": no image format recognised");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1 || width * height > maxPixels) {
                    throw new FaceImageDecoder.RefusedImageException("image-too-large", path + ": its header says " + width + "x"
                            + height + " pixels, above vlfer.data.max-image-megapixels (" + maxPixels / 1_000_000 + ")");
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                    @Override
                    public void warningOccurred(ImageReader source, String warning) {
                        warnings.add(warning);
                    }
                });
                BufferedImage img;
                try {
                    img = reader.read(0);
                } catch (javax.imageio.IIOException | IndexOutOfBoundsException e) {
                    throw new FaceImageDecoder.RefusedImageException("truncated-image", path + ": the image data is cut short"
                            + " or corrupt (" + e.getMessage() + ")");
                }
                if (!warnings.isEmpty()) {
                    throw new FaceImageDecoder.RefusedImageException("truncated-image", path + ": " + warnings.get(0));
                }
                return img;
            } catch (javax.imageio.IIOException e) {
                throw new FaceImageDecoder.RefusedImageException("not-an-image", path + ": " + e.getMessage());
            } finally {
                reader.dispose();
            }
        }
    }
}
