package vlfer.data.synth;

import java.util.EnumMap;
import java.util.Map;

/**
 * Everything needed to draw one face. Identity: head shape, skin and hair colour, feature spacing
 * and sizes; expression: action-unit intensities (0..1), with {@code unilateral} for contempt;
 * nuisance: pose, light, blur, noise and an occluder.
 */
public record FaceParameters(
        double headWidth, double headHeight, int skinRgb, int hairRgb, int backgroundRgb, int backgroundRgb2,
        double eyeSpacing, double eyeY, double eyeSize, double browThickness, double mouthWidth, double mouthY,
        double noseLength, Map<ActionUnit, Double> actionUnits, boolean unilateral,
        double rollDegrees, double yaw, double lightAngle, double lightStrength, boolean blur, double noiseSigma,
        long noiseSeed, Occluder occluder) {

    public FaceParameters {
        actionUnits = actionUnits.isEmpty() ? Map.of() : new EnumMap<>(actionUnits);
    }

    public double au(ActionUnit au) {
        return actionUnits.getOrDefault(au, 0.0);
    }

    /**
     * Frame of a clip: the same face with its action units at {@code auScale} of their apex, head
     * roll moved by {@code rollDelta} degrees and fresh pixel noise.
     */
    public FaceParameters atFrame(double auScale, double rollDelta, long frameNoiseSeed) {
        Map<ActionUnit, Double> scaled = new EnumMap<>(ActionUnit.class);
        actionUnits.forEach((au, v) -> scaled.put(au, v * auScale));
        return new FaceParameters(headWidth, headHeight, skinRgb, hairRgb, backgroundRgb, backgroundRgb2, eyeSpacing, eyeY,
                eyeSize, browThickness, mouthWidth, mouthY, noseLength, scaled, unilateral, rollDegrees + rollDelta, yaw,
                lightAngle, lightStrength, blur, noiseSigma, frameNoiseSeed, occluder);
    }

    /** What covers part of the face, if anything. */
    public enum Occluder { NONE, SUNGLASSES, HAND_MOUTH, HAND_CHEEK, SCARF }
}
