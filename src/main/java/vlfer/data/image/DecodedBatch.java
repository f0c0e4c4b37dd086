package vlfer.data.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.data.FaceSample;

/**
 * A minibatch of decoded faces as a [n, 3 x frames, H, W] tensor (frame-major channels), with the
 * samples it holds and those whose pixels could not be read (each with the reason).
 */
public record DecodedBatch(List<FaceSample> samples, INDArray features, List<Failure> failures) {

    /** A sample whose image was missing or unreadable. */
    public record Failure(FaceSample sample, String reason, String detail) implements java.io.Serializable {
    }

    /** Why {@code s} could not be decoded, by the exception its decoding threw. */
    public static Failure failure(FaceSample s, Exception e) {
        if (e instanceof FaceImageDecoder.RefusedImageException r) {
            return new Failure(s, r.reason(), r.getMessage());
        }
        if (e instanceof FaceImageDecoder.MissingImageException) {
            return new Failure(s, "missing-image", e.getMessage());
        }
        if (e instanceof FaceImageDecoder.BadFaceBoxException) {
            return new Failure(s, "bad-face-box", e.getMessage());
        }
        return new Failure(s, "unreadable-image", s.location() + ": " + e.getMessage());
    }

    /** Decodes and preprocesses {@code batch}; {@code rng == null} means evaluation. */
    public static DecodedBatch of(List<FaceSample> batch, FaceImageDecoder decoder, FacePreprocessor pre,
                                  SplittableRandom rng) {
        int len = pre.tensorLength();
        float[] data = new float[batch.size() * len];
        List<FaceSample> ok = new ArrayList<>(batch.size());
        List<Failure> failures = new ArrayList<>();
        for (FaceSample s : batch) {
            try {
                pre.toTensor(decoder.frames(s.source(), pre.sampler(), rng), rng, data, ok.size() * len);
                ok.add(s);
            } catch (IOException | RuntimeException e) {
                failures.add(failure(s, e));
            }
        }
        InputSpec spec = pre.spec();
        INDArray features = ok.isEmpty() ? null
                : Nd4j.create(java.util.Arrays.copyOf(data, ok.size() * len),
                new long[]{ok.size(), 3L * pre.frames(), spec.height(), spec.width()}, 'c');
        return new DecodedBatch(ok, features, failures);
    }
}
