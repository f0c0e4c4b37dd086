package vlfer.data.source;

/** Grey pixels read from an index file (FER2013's {@code pixels} column), row-major, one byte each. */
public record InlinePixels(String origin, int width, int height, byte[] grey) implements FaceSource {
    public InlinePixels {
        if (grey.length != width * height) {
            throw new IllegalArgumentException(origin + ": " + grey.length + " pixels for a " + width + "x" + height + " image");
        }
    }

    @Override
    public String location() {
        return origin;
    }
}
