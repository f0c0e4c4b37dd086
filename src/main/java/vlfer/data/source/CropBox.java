package vlfer.data.source;

import java.io.Serializable;

/** A face box inside an image, in pixels (AffectNet's face_x, face_y, face_width, face_height). */
public record CropBox(int x, int y, int width, int height) implements Serializable {
    public CropBox {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("face box (" + x + ", " + y + ", " + width + "x" + height
                    + ") needs x, y >= 0 and a positive size");
        }
    }
}
