package vlfer.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Reads the PNG images inlined in a page, and tells a drawn image from a blank one. */
public final class ChartImages {
    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    private ChartImages() {
    }

    public static List<byte[]> inlined(String html) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = DATA_URI.matcher(html);
        while (m.find()) {
            out.add(Base64.getDecoder().decode(m.group(1)));
        }
        return out;
    }

    /** The number of distinct colours (4 bits per channel) in a PNG; a blank image has one. */
    public static int colours(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        if (img == null) {
            throw new IOException("not a PNG image");
        }
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                seen.add(img.getRGB(x, y) & 0xF0F0F0);
            }
        }
        return seen.size();
    }

    /** The fraction of pixels that are neither white nor grey (the charts' coloured marks). */
    public static double colouredFraction(BufferedImage img) {
        long coloured = 0;
        long all = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                all++;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                    coloured++;
                }
            }
        }
        return all == 0 ? 0 : coloured / (double) all;
    }
}
