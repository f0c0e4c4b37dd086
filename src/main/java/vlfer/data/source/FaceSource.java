package vlfer.data.source;

import java.io.Serializable;

/**
 * Where the pixels of one sample come from: an image file (optionally a box inside it), grey
 * pixels carried inline (FER2013's CSV), or a clip as a folder of frames.
 */
public sealed interface FaceSource extends Serializable permits ImageFile, InlinePixels, FrameFolder {
    /** A path or file:line a person can look up: goes into rejects files and the predictions table. */
    String location();
}
