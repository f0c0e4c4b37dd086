package vlfer.data.image;

import java.io.IOException;
import java.io.Serializable;
import vlfer.data.FaceSample;
import vlfer.data.source.FrameFolder;
import vlfer.data.video.ClipSampler;

/**
 * Decodes every image of a face (every frame of a clip) without making a tensor, to find the faces
 * that cannot be trained on before any training: the verification pass of {@code train} and of
 * {@code datasets describe --verify-images}.
 */
public final class FaceVerifier implements Serializable {
    private static final ClipSampler STILL = new ClipSampler(1);

    private final FaceImageDecoder decoder;

    public FaceVerifier(FaceImageDecoder decoder) {
        this.decoder = decoder;
    }

    /** Null when every image of {@code s} decodes; else why not. */
    public DecodedBatch.Failure check(FaceSample s) {
        try {
            if (s.source() instanceof FrameFolder clip) {
                for (int i = 0; i < clip.frames().size(); i++) {
                    decoder.decode(clip.framePath(i));
                }
            } else {
                decoder.frames(s.source(), STILL, null);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return DecodedBatch.failure(s, e);
        }
    }
}
