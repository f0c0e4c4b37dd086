package vlfer.data.source;

import java.util.List;

/** A video clip as its dataset ships it: a folder of frame images, {@code frames} in temporal order. */
public record FrameFolder(String dir, List<String> frames) implements FaceSource {
    public FrameFolder {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("clip " + dir + " has no frames");
        }
    }

    public String framePath(int index) {
        return dir + "/" + frames.get(index);
    }

    @Override
    public String location() {
        return dir;
    }
}
