package vlfer.data.synth;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import vlfer.data.Expression;
import vlfer.data.Seeds;

/**
 * Draws the parameters of face (split, index) from its own generator, seeded by (seed, split,
 * index), so that any face can be regenerated alone and generation order does not matter.
 */
public final class FaceParameterSampler {
    private static final int[] SKIN = {0xF6D7C3, 0xEAC0A0, 0xD9A47E, 0xC68A63, 0xA86B45, 0x8A5236, 0x6B3D26, 0x4E2B1A};
    private static final int[] HAIR = {0x1B1411, 0x3B2A20, 0x6A4A2F, 0x9C7A4A, 0xC9B07A, 0x8E8E8E, 0x4A1E10};
    /** Probability that a face also shows one unrelated, weak action unit. */
    private static final double DISTRACTOR_PROBABILITY = 0.3;

    private final SynthSettings s;

    public FaceParameterSampler(SynthSettings settings) {
        this.s = settings;
    }

    public static SplittableRandom random(long seed, String split, int index) {
        return new SplittableRandom(Seeds.derive(seed, split.hashCode(), index));
    }

    public FaceParameters sample(Expression expression, SplittableRandom r) {
        double intensity = s.minIntensity() + r.nextDouble() * (s.maxIntensity() - s.minIntensity());
        Map<ActionUnit, Double> aus = new EnumMap<>(ActionUnit.class);
        for (ActionUnit au : ExpressionPrototypes.of(expression)) {
            aus.put(au, clamp(intensity * (0.8 + 0.4 * r.nextDouble())));
        }
        if (r.nextDouble() < DISTRACTOR_PROBABILITY) {
            ActionUnit extra = ActionUnit.values()[r.nextInt(ActionUnit.values().length)];
            aus.merge(extra, 0.1 + 0.2 * r.nextDouble(), Math::max);
        }
        int skin = SKIN[r.nextInt(SKIN.length)];
        int bg1 = randomColour(r);
        int bg2 = randomColour(r);
        FaceParameters.Occluder occluder = FaceParameters.Occluder.NONE;
        if (r.nextDouble() < s.occluderProbability()) {
            FaceParameters.Occluder[] kinds = FaceParameters.Occluder.values();
            occluder = kinds[1 + r.nextInt(kinds.length - 1)];
        }
        return new FaceParameters(
                0.66 + 0.10 * r.nextDouble(),
                0.84 + 0.10 * r.nextDouble(),
                skin, HAIR[r.nextInt(HAIR.length)], bg1, bg2,
                0.17 + 0.04 * r.nextDouble(),
                0.40 + 0.04 * r.nextDouble(),
                1.1 + 0.35 * r.nextDouble(),
                0.016 + 0.012 * r.nextDouble(),
                0.11 + 0.04 * r.nextDouble(),
                0.70 + 0.04 * r.nextDouble(),
                0.10 + 0.04 * r.nextDouble(),
                aus, ExpressionPrototypes.unilateral(expression),
                (2 * r.nextDouble() - 1) * s.maxRollDegrees(),
                (2 * r.nextDouble() - 1) * s.maxYaw(),
                r.nextDouble() * 2 * Math.PI,
                s.lighting() * r.nextDouble(),
                r.nextDouble() < s.blurProbability(),
                s.noiseSigma() * (0.5 + r.nextDouble()),
                r.nextLong(),
                occluder);
    }

    private static int randomColour(SplittableRandom r) {
        return (40 + r.nextInt(200)) << 16 | (40 + r.nextInt(200)) << 8 | (40 + r.nextInt(200));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
