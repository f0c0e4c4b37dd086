package vlfer.data.synth;

import java.io.Serializable;
import java.util.Locale;
import vlfer.config.CheckedConfig;
import vlfer.config.SynthConfig;
import vlfer.data.LabelVocabulary;

/** How the synthetic faces are drawn: counts, size, label noise and the difficulty knobs. */
public record SynthSettings(long seed, int trainPerClass, int testPerClass, int imageSize, double labelNoise,
                            double minIntensity, double maxIntensity, double maxRollDegrees, double maxYaw,
                            double lighting, double blurProbability, double noiseSigma, double occluderProbability,
                            LabelVocabulary vocabulary) implements Serializable {
    public SynthSettings {
        if (trainPerClass < 1 || testPerClass < 1) {
            throw new IllegalArgumentException("need at least one face per class and split");
        }
        if (imageSize < 32) {
            throw new IllegalArgumentException("image size " + imageSize + " is below 32 pixels");
        }
        if (minIntensity < 0 || maxIntensity > 1 || minIntensity > maxIntensity) {
            throw new IllegalArgumentException("intensity range must lie in [0, 1]");
        }
    }

    /** {@code vlfer.synth}'s drawing knobs, each checked against its range (basic-7 until a layout picks its classes). */
    public static SynthSettings read(SynthConfig synth) {
        CheckedConfig s = synth.block();
        double minIntensity = s.doubleIn("min-intensity", 0, 1);
        return new SynthSettings(
                synth.seed(),
                s.intAtLeast("train-per-class", 1),
                s.intAtLeast("test-per-class", 1),
                s.intAtLeast("image-size", 32),
                s.doubleIn("label-noise", 0, 0.5),
                minIntensity,
                s.doubleIn("max-intensity", minIntensity, 1),
                s.doubleIn("max-roll-degrees", 0, 45),
                s.doubleIn("max-yaw", 0, 0.5),
                s.doubleIn("lighting", 0, 1),
                s.doubleIn("blur-probability", 0, 1),
                s.doubleIn("noise-sigma", 0, 64),
                s.doubleIn("occluder-probability", 0, 1),
                LabelVocabulary.BASIC_7);
    }

    public SynthSettings withVocabulary(LabelVocabulary v) {
        return new SynthSettings(seed, trainPerClass, testPerClass, imageSize, labelNoise, minIntensity, maxIntensity,
                maxRollDegrees, maxYaw, lighting, blurProbability, noiseSigma, occluderProbability, v);
    }

    public SynthSettings withCounts(int train, int test) {
        return new SynthSettings(seed, train, test, imageSize, labelNoise, minIntensity, maxIntensity,
                maxRollDegrees, maxYaw, lighting, blurProbability, noiseSigma, occluderProbability, vocabulary);
    }

    /** A stable text of every setting: the stamp that lets an identical request skip regeneration. */
    public String stamp() {
        return String.format(Locale.ROOT, "seed=%d%ntrain-per-class=%d%ntest-per-class=%d%nimage-size=%d%nlabel-noise=%s%n"
                        + "intensity=%s..%s%nmax-roll=%s%nmax-yaw=%s%nlighting=%s%nblur=%s%nnoise=%s%noccluder=%s%nclasses=%s%n"
                        + "generator=%d%n", seed, trainPerClass, testPerClass, imageSize, labelNoise, minIntensity,
                maxIntensity, maxRollDegrees, maxYaw, lighting, blurProbability, noiseSigma, occluderProbability,
                String.join(",", vocabulary.names()), SyntheticFaceGenerator.VERSION);
    }
}
