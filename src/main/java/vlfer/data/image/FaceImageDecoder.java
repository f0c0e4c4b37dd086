package vlfer.data.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import javax.imageio.ImageIO;
import vlfer.data.DataFiles;
import vlfer.data.HadoopConfSnapshot;

/** Opens and decodes face images on the executors, from local disk or any Hadoop file system. */
public final class FaceImageDecoder implements Serializable {
    private final HadoopConfSnapshot conf;
    private transient DataFiles files;

    public FaceImageDecoder(HadoopConfSnapshot conf) {
        this.conf = conf;
    }

    /** The decoded image; an IOException names the path and says whether it is missing or unreadable. */
    public BufferedImage decode(String path) throws IOException {
        if (files == null) {
            files = new DataFiles(conf.configuration());
        }
        BufferedImage img;
        try (InputStream in = files.open(path)) {
            img = ImageIO.read(in);
        } catch (java.io.FileNotFoundException e) {
            throw new MissingImageException(path);
        }
        if (img == null) {
            throw new IOException("not a decodable image: " + path);
        }
        return img;
    }

    /** A listed image that is not there. */
    public static final class MissingImageException extends IOException {
        public MissingImageException(String path) {
            super("missing image: " + path);
        }
    }
}
