package vlfer.model.loss;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * cliper's loss on the descriptor scores {@code s} [B, C*K] (column c*K + k: descriptor k of class
 * c), whichever space the descriptors live in (see {@link CliperLossLayer} for the terms); names
 * the output {@code mean_k s_ck} {@link #SCORES}.
 */
final class CliperLoss {
    static final String SCORES = "class_scores";

    private CliperLoss() {
    }

    /** The batch sum of {@code L_margin + alpha * L_fine} (DL4J divides the returned score by the batch size). */
    static SDVariable define(SameDiff sd, SDVariable s, SDVariable labels, int classes, int k) {
        DataType type = s.dataType();
        INDArray expandArr = Nd4j.zeros(type, classes, (long) classes * k);                 // [C, CK]: class -> its descriptors
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < k; j++) {
                expandArr.putScalar(c, (long) c * k + j, 1.0);
            }
        }
        SDVariable expand = sd.constant("cliper_expand", expandArr);
        SDVariable perClass = s.reshape(-1, classes, k);                                     // [B, C, K]
        SDVariable best = perClass.max(2);                                                   // [B, C]
        SDVariable worst = perClass.min(2);
        perClass.mean(SCORES, 2);                                                            // the output

        // margin: the worst descriptor of the true class against the best of every other class
        SDVariable margin = labels.mul(worst).add(labels.rsub(1.0).mul(best));
        SDVariable marginLoss = labels.mul(Vectors.logSoftmax(sd, margin, 1)).sum(true, 1).neg();    // [B, 1]

        // fine-grained: the true class's best descriptor against every descriptor of the other classes
        SDVariable positive = labels.mul(best).sum(true, 1);                                 // [B, 1]
        SDVariable others = labels.rsub(1.0).mmul(expand);                                   // [B, CK]
        SDVariable top = s.max(true, 1);
        SDVariable sumExp = sd.math().exp(positive.sub(top)).add(others.mul(sd.math().exp(s.sub(top))).sum(true, 1));
        SDVariable fineLoss = sd.math().log(sumExp).add(top).sub(positive);                 // [B, 1]

        // balancing weight, from which descriptor wins for each sample (no gradient flows through it)
        SDVariable trueScores = labels.mmul(expand).mul(s).reshape(-1, classes, k).sum(1);  // [B, K]
        SDVariable winner = trueScores.eq(trueScores.max(true, 1)).castTo(type);             // [B, K] one-hot
        SDVariable counts = labels.permute(1, 0).mmul(winner);                              // [C, K]
        SDVariable nY = labels.mmul(counts);                                                 // [B, K]
        // as the released code: a zero count is replaced by m = -1/99 before anything else, so an unpicked
        // descriptor enters the softmax as 1/m = -99 and the sum over k includes its -1/99
        SDVariable used = nY.gt(0.0).castTo(type);
        SDVariable m = nY.add(used.rsub(1.0).mul(-1.0 / 99));
        SDVariable inverse = used.div(nY.add(used.rsub(1.0))).add(used.rsub(1.0).mul(-99.0));
        SDVariable weights = sd.nn().softmax(inverse, 1);
        SDVariable alpha = m.sum(true, 1).mul(winner.mul(weights).sum(true, 1)).div(winner.mul(m).sum(true, 1));

        SDVariable loss = marginLoss.add(alpha.mul(fineLoss)).sum();
        loss.markAsLoss();
        return loss;
    }
}
