package vlfer.data.source;

/** An image file (local path or Hadoop URI); {@code crop} is null when the file is the face. */
public record ImageFile(String path, CropBox crop) implements FaceSource {
    public ImageFile(String path) {
        this(path, null);
    }

    @Override
    public String location() {
        return path;
    }
}
