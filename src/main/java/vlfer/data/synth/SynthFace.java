package vlfer.data.synth;

import vlfer.data.Expression;

/**
 * One planned face (or clip) of a synthetic dataset: its split, its position there, the class it
 * was drawn as, the class written to the index (label noise may differ), its fold (1..5, for the
 * k-fold layouts) and its drawing parameters.
 */
public record SynthFace(String split, int index, Expression drawn, Expression written, int fold, FaceParameters params) {
}
