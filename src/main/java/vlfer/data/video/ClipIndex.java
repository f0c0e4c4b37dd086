package vlfer.data.video;

import java.util.List;
import java.util.Map;
import vlfer.config.DatasetSettings;
import vlfer.data.DataFiles;
import vlfer.data.FileListing;
import vlfer.data.ReaderSupport;
import vlfer.data.SplitCollector;
import vlfer.data.source.FrameFolder;

/** The clip folders under a video set's frames root, listed once, with their frames in order. */
final class ClipIndex {
    private final String framesRoot;
    private final String framesRel;
    private final Map<String, List<String>> frames;
    private final FileListing listing;

    ClipIndex(DataFiles files, DatasetSettings ds, String root, String framesRel) {
        this.framesRel = framesRel;
        this.framesRoot = DataFiles.resolve(root, framesRel);
        this.listing = files.listFiles(ds, framesRoot, "frames folder");
        this.frames = listing.byFolder();
    }

    /** Adds clip {@code clipRel} (a folder relative to the frames root), or rejects it as missing or empty. */
    void add(SplitCollector rows, String id, String clipRel, String token, String file, long line) {
        List<String> names = frames.get(clipRel);
        if (names == null) {
            rows.reject(file, line, listing.whyAbsent(clipRel, "missing-clip"), framesRel + "/" + clipRel + " has no files");
            return;
        }
        String refusedFrame = listing.refused().keySet().stream().filter(r -> r.startsWith(clipRel + "/")).findFirst().orElse(null);
        if (refusedFrame != null) {
            rows.reject(file, line, listing.refused().get(refusedFrame), framesRel + "/" + refusedFrame + " was refused and never opened");
            return;
        }
        List<String> images = names.stream().filter(ReaderSupport::isImageFile).toList();
        if (images.isEmpty()) {
            rows.reject(file, line, "empty-clip", framesRel + "/" + clipRel + " has no frame images");
            return;
        }
        String dir;
        try {
            dir = DataFiles.resolve(framesRoot, clipRel);
        } catch (IllegalArgumentException e) {
            rows.reject(file, line, "malformed-row", e.getMessage());
            return;
        }
        rows.add(id, token, new FrameFolder(dir, images), file, line);
    }
}
