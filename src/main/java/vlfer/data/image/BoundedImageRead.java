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
 * that ends early, a corrupt segment) refuses the image instead of keeping the part that decoded:
 * that, and any error once a reader has recognised the format, is {@code corrupt-image}; a file no
 * reader recognises is {@code not-an-image}.
 */
final class BoundedImageRead {
    static final String CORRUPT = "corrupt-image";
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
                    throw new FaceImageDecoder.RefusedImageException(CORRUPT, path + ": the image data is cut short"
                            + " or corrupt (" + e.getMessage() + ")");
                }
                if (!warnings.isEmpty()) {
                    throw new FaceImageDecoder.RefusedImageException(CORRUPT, path + ": the image data is cut short or corrupt ("
                            + warnings.get(0) + ")");
                }
                return img;
            } catch (javax.imageio.IIOException e) {
                throw new FaceImageDecoder.RefusedImageException(CORRUPT, path + ": the image is cut short or its header is"
                        + " corrupt (" + e.getMessage() + ")");
            } finally {
                reader.dispose();
            }
        }
    }
}
