package vlfer.model.loss;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Zero-shot class logits with prompt ensembles by logit averaging: per class, the mean over its
 * prompts of {@code s * cos(image, prompt)} (CLIP's own recipe averages the unit prompt embeddings
 * and re-normalises; the two differ only for ensembles).
 */
final class PromptLogits {
    private PromptLogits() {
    }

    /** Fails unless every one of {@code classes} has at least one prompt. */
    static void requireEveryClass(int[] promptClass, int classes, int rows, String who) {
        if (rows == 0 || rows != promptClass.length) {
            throw new IllegalArgumentException(who + " needs one class per prompt row: " + rows + " rows, "
                    + promptClass.length + " classes");
        }
        int[] perClass = perClass(promptClass, classes);
        for (int c = 0; c < classes; c++) {
            if (perClass[c] == 0) {
                throw new IllegalArgumentException(who + ": class " + c + " has no prompt");
            }
        }
    }

    /**
     * The named output [B, C] from unit image vectors [B, D] and unit prompt vectors [P, D]: the
     * scaled cosines [B, P] times the [P, C] matrix holding 1/n_c where prompt p is of class c.
     */
    static SDVariable define(SameDiff sd, String name, SDVariable imageUnit, SDVariable promptsUnit, int[] promptClass,
                             int classes, double scale, DataType type) {
        int[] perClass = perClass(promptClass, classes);
        INDArray average = Nd4j.zeros(type, promptClass.length, classes);
        for (int p = 0; p < promptClass.length; p++) {
            average.putScalar(p, promptClass[p], 1.0 / perClass[promptClass[p]]);
        }
        SDVariable averageVar = sd.constant(name + "_average", average);
        return imageUnit.mmul(promptsUnit.permute(1, 0)).mul(scale).mmul(name, averageVar);
    }

    private static int[] perClass(int[] promptClass, int classes) {
        int[] perClass = new int[classes];
        for (int c : promptClass) {
            perClass[c]++;
        }
        return perClass;
    }
}
