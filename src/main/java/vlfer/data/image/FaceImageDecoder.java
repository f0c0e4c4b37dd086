package vlfer.data.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vlfer.data.DataFiles;
import vlfer.data.HadoopConfSnapshot;
import vlfer.data.source.CropBox;
import vlfer.data.source.FaceSource;
import vlfer.data.source.FrameFolder;
import vlfer.data.source.ImageFile;
import vlfer.data.source.InlinePixels;
import vlfer.data.video.ClipSampler;

/**
 * Opens and decodes faces on the executors, from local disk or any Hadoop file system: image files
 * (cropped to their face box when the dataset gives one), inline grey pixels, and clips (the frames
 * the {@link ClipSampler} picks). Decoding is bounded: the size is read from the header first and an
 * image above {@code maxPixels} is refused, and a file whose data ends early or is corrupt is
 * refused rather than decoded in part. On local disk, only regular files are opened.
 */
public final class FaceImageDecoder implements Serializable {
    /** reference.conf's vlfer.data.max-image-megapixels, for callers without settings (tests, benches). */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private final HadoopConfSnapshot conf;
    private final long maxPixels;
    private transient DataFiles files;

    public FaceImageDecoder(HadoopConfSnapshot conf) {
        this(conf, DEFAULT_MAX_PIXELS);
    }

    public FaceImageDecoder(HadoopConfSnapshot conf, long maxPixels) {
        this.conf = conf;
        this.maxPixels = maxPixels;
    }

    /**
     * The frames of a sample: one for an image, {@code sampler.segments()} for a clip.
     * {@code rng == null} means evaluation (segment centres).
     */
    public List<BufferedImage> frames(FaceSource source, ClipSampler sampler, SplittableRandom rng) throws IOException {
        if (source instanceof FrameFolder clip) {
            List<BufferedImage> out = new ArrayList<>(sampler.segments());
            BufferedImage last = null;
            int lastIndex = -1;
            for (int idx : sampler.indices(clip.frames().size(), rng)) {
                if (idx != lastIndex) {
                    last = decode(clip.framePath(idx));
                    lastIndex = idx;
                }
                out.add(last);
            }
            return out;
        }
        if (sampler.segments() != 1) {
            throw new IOException("a video model needs clips, but " + source.location() + " is a still image");
        }
        if (source instanceof InlinePixels p) {
            BufferedImage img = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, p.width(), p.height(), p.grey());
            return List.of(img);
        }
        ImageFile file = (ImageFile) source;
        BufferedImage img = decode(file.path());
        return List.of(file.crop() == null ? img : crop(img, file.crop(), file.path()));
    }

    /** The decoded image; an IOException names the path and, for a refused file, the reason. */
    public BufferedImage decode(String path) throws IOException {
        if (files == null) {
            files = new DataFiles(conf.configuration());
        }
        requireRegularIfLocal(path);
        try (InputStream in = files.open(path)) {
            return BoundedImageRead.read(in, path, maxPixels);
        } catch (java.io.FileNotFoundException e) {
            throw new MissingImageException(path);
        }
    }

    /** A FIFO or device where an image should be would block the read: refused before it is opened. */
    private static void requireRegularIfLocal(String path) throws IOException {
        java.net.URI uri = new org.apache.hadoop.fs.Path(path).toUri();
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            return;
        }
        java.nio.file.Path local = java.nio.file.Path.of(uri.getPath());
        if (java.nio.file.Files.exists(local) && !java.nio.file.Files.isRegularFile(local)) {
            throw new RefusedImageException("not-a-regular-file", path + " is not a regular file (a FIFO, a device or a folder)");
        }
    }

    private static BufferedImage crop(BufferedImage img, CropBox box, String path) throws IOException {
        int x0 = Math.max(0, box.x());
        int y0 = Math.max(0, box.y());
        int x1 = Math.min(img.getWidth(), box.x() + box.width());
        int y1 = Math.min(img.getHeight(), box.y() + box.height());
        if (x1 - x0 < 2 || y1 - y0 < 2) {
            throw new BadFaceBoxException(path + ": face box " + box + " lies outside the " + img.getWidth() + "x"
                    + img.getHeight() + " image");
        }
        return img.getSubimage(x0, y0, x1 - x0, y1 - y0);
    }

    /** A file refused before or while decoding, with the reason its reject is counted under. */
    public static final class RefusedImageException extends IOException {
        private final String reason;

        public RefusedImageException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** A listed image that is not there. */
    public static final class MissingImageException extends IOException {
        public MissingImageException(String path) {
            super("missing image: " + path);
        }
    }

    /** A face box that does not overlap its image. */
    public static final class BadFaceBoxException extends IOException {
        public BadFaceBoxException(String message) {
            super(message);
        }
    }
}
