package vlfer.model.loss;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffOutputLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ke2nt output layer: logits {@code z_c = s * cos(e, t_c)} against the frozen class text
 * embeddings T, and the training loss {@code L = ls*Ls + lt*Lt + lc*Lc} with the neutral MLP
 * {@code n = g(e)} (d -> hidden -> ReLU -> d) as this layer's only parameters.
 * <ul>
 * <li>Ls: cross-entropy of the logits, mean over the batch;</li>
 * <li>Lt: mean over non-neutral samples M of {@code 1 - cos(e - n, t_y - t_neutral)};</li>
 * <li>Lc: self-contrast, {@link LcForm#DIAGONAL} = mean over M of
 *     {@code cos(t_y, n) - cos(t_y, e) + 2}; {@link LcForm#PAIRWISE} (released code) = the same
 *     averaged over all pairs (i, j) of M x M.</li>
 * </ul>
 * With M empty, Lt = Lc = 0. T travels inside the layer configuration (JSON and Java
 * serialisation), so every Spark worker and every saved model carries it.
 */
public final class Ke2ntLossLayer extends SameDiffOutputLayer {
    public static final String LOGITS = "logits";

    private double[][] textEmbeddings;
    private double logitScale;
    private int neutralClass;
    private int hidden;
    private double ls;
    private double lt;
    private double lc;
    private LcForm lcForm;
    private long nIn;

    /** For JSON deserialisation. */
    private Ke2ntLossLayer() {
    }

    private Ke2ntLossLayer(Builder b) {
        this.textEmbeddings = Vectors.unitRows(b.textEmbeddings);
        this.logitScale = b.logitScale;
        this.neutralClass = b.neutralClass;
        this.hidden = b.hidden;
        this.ls = b.ls;
        this.lt = b.lt;
        this.lc = b.lc;
        this.lcForm = b.lcForm;
        this.nIn = textEmbeddings[0].length;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int numClasses() {
        return textEmbeddings.length;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable e, SDVariable labels, Map<String, SDVariable> params) {
        org.nd4j.linalg.api.buffer.DataType type = e.dataType();
        INDArray tMatrix = Nd4j.create(textEmbeddings).castTo(type);
        SDVariable t = sd.constant("ke2nt_T", tMatrix);                                      // [C, D], unit rows
        SDVariable tTransposed = sd.constant("ke2nt_T_transposed", tMatrix.transpose().dup()); // [D, C]
        SDVariable tNeutral = sd.constant("ke2nt_t_neutral", tMatrix.getRow(neutralClass, true)); // [1, D]
        INDArray neutralPick = Nd4j.zeros(type, textEmbeddings.length, 1);
        neutralPick.putScalar(neutralClass, 0, 1.0);
        SDVariable pickNeutral = sd.constant("ke2nt_pick_neutral", neutralPick);             // [C, 1]

        SDVariable eUnit = Vectors.unit(sd, e);
        SDVariable logits = eUnit.mmul(tTransposed).mul(LOGITS, logitScale);               // [B, C]

        // Ls, summed over the batch: -sum_c y_c log softmax(z)_c
        SDVariable lsSum = labels.mul(Vectors.logSoftmax(sd, logits, 1)).sum().neg();

        SDVariable batch = labels.sum();                                                    // B (one-hot rows)
        SDVariable m = labels.mmul(pickNeutral).rsub(1.0);                                  // [B, 1]: 1 if not neutral
        SDVariable count = m.sum();
        SDVariable denom = sd.math().max(count, sd.constant(Nd4j.scalar(type, 1.0)));

        SDVariable h = sd.nn().relu(e.mmul(params.get("W1")).add(params.get("b1")), 0.0);
        SDVariable n = h.mmul(params.get("W2")).add(params.get("b2"));                     // [B, D]
        SDVariable ty = labels.mmul(t);                                                     // [B, D]

        // Lt: the image-side shift e - n must follow the text-side direction t_y - t_neutral
        SDVariable dImg = e.sub(n);
        SDVariable dText = ty.sub(tNeutral);
        SDVariable cosShift = dImg.mul(dText).sum(true, 1)
                .div(Vectors.norm(sd, dImg).mul(Vectors.norm(sd, dText)).add(Vectors.EPS));
        SDVariable ltMean = m.mul(cosShift.rsub(1.0)).sum().div(denom);

        SDVariable nUnit = Vectors.unit(sd, n);
        SDVariable lcMean;
        if (lcForm == LcForm.DIAGONAL) {
            SDVariable perSample = ty.mul(nUnit).sum(true, 1).sub(ty.mul(eUnit).sum(true, 1)).add(2.0);
            lcMean = m.mul(perSample).sum().div(denom);
        } else {
            // sum_{i,j in M} a_i.(n_j - e_j) = (sum_i m_i a_i) . (sum_j m_j (n_j - e_j))
            SDVariable a = m.mul(ty).sum(true, 0);                                          // [1, D]
            SDVariable b = m.mul(nUnit.sub(eUnit)).sum(true, 0);                            // [1, D]
            SDVariable pairs = count.mul(count);
            lcMean = a.mul(b).sum().add(pairs.mul(2.0))
                    .div(sd.math().max(pairs, sd.constant(Nd4j.scalar(type, 1.0))));
        }
        // DL4J divides the returned score by the batch size: return the batch sum of L.
        SDVariable loss = lsSum.mul(ls).add(batch.mul(ltMean.mul(lt).add(lcMean.mul(lc))));
        loss.markAsLoss();
        return loss;
    }

    /** Runs as {@link Ke2ntLoss}, which computes this graph's loss and gradients without SameDiff. */
    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(org.deeplearning4j.nn.conf.NeuralNetConfiguration conf,
                                                       java.util.Collection<org.deeplearning4j.optimize.api.TrainingListener> listeners,
                                                       int index, INDArray paramsView, boolean initializeParams,
                                                       org.nd4j.linalg.api.buffer.DataType dataType) {
        Ke2ntLoss layer = new Ke2ntLoss(conf, dataType);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        layer.setListeners(listeners);
        return layer;
    }

    @Override
    public String activationsVertexName() {
        return LOGITS;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam("W1", nIn, hidden);
        params.addBiasParam("b1", 1, hidden);
        params.addWeightParam("W2", hidden, nIn);
        params.addBiasParam("b2", 1, nIn);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        for (Map.Entry<String, INDArray> p : params.entrySet()) {
            INDArray v = p.getValue();
            if (p.getKey().startsWith("b")) {
                v.assign(0);
            } else {
                long fanIn = v.size(0);
                long fanOut = v.size(1);
                v.assign(Nd4j.randn(v.dataType(), v.shape()).muli(Math.sqrt(2.0 / (fanIn + fanOut))));
            }
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(textEmbeddings.length);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeFeedForward ff)) {
            throw new IllegalArgumentException("ke2nt layer needs a feed-forward input, got " + inputType);
        }
        if (ff.getSize() != textEmbeddings[0].length) {
            throw new IllegalArgumentException("ke2nt layer: input width " + ff.getSize() + " differs from the text embedding width "
                    + textEmbeddings[0].length + " (add a projection to the text width)");
        }
    }

    /**
     * Equality over what defines the loss (DL4J's inherited equals ignores T, s, weights and form,
     * and its hashCode hashes parameter shapes by identity).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Ke2ntLossLayer k
                && java.util.Objects.equals(getLayerName(), k.getLayerName())
                && java.util.Arrays.deepEquals(textEmbeddings, k.textEmbeddings)
                && logitScale == k.logitScale && neutralClass == k.neutralClass && hidden == k.hidden
                && ls == k.ls && lt == k.lt && lc == k.lc && lcForm == k.lcForm && nIn == k.nIn
                && java.util.Objects.equals(getUpdater(), k.getUpdater());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getLayerName(), java.util.Arrays.deepHashCode(textEmbeddings), logitScale, neutralClass,
                hidden, ls, lt, lc, lcForm, nIn);
    }

    // Bean accessors: DL4J's JSON (model files, evaluation broadcasts) reads and writes through them.

    public double[][] getTextEmbeddings() {
        return textEmbeddings;
    }

    public void setTextEmbeddings(double[][] textEmbeddings) {
        this.textEmbeddings = textEmbeddings;
    }

    public double getLogitScale() {
        return logitScale;
    }

    public void setLogitScale(double logitScale) {
        this.logitScale = logitScale;
    }

    public int getNeutralClass() {
        return neutralClass;
    }

    public void setNeutralClass(int neutralClass) {
        this.neutralClass = neutralClass;
    }

    public int getHidden() {
        return hidden;
    }

    public void setHidden(int hidden) {
        this.hidden = hidden;
    }

    public double getLs() {
        return ls;
    }

    public void setLs(double ls) {
        this.ls = ls;
    }

    public double getLt() {
        return lt;
    }

    public void setLt(double lt) {
        this.lt = lt;
    }

    public double getLc() {
        return lc;
    }

    public void setLc(double lc) {
        this.lc = lc;
    }

    public LcForm getLcForm() {
        return lcForm;
    }

    public void setLcForm(LcForm lcForm) {
        this.lcForm = lcForm;
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }

    /**
     * Builder: every value is required (their defaults live once, in reference.conf's
     * {@code vlfer.method.ke2nt}).
     */
    public static final class Builder {
        private double[][] textEmbeddings;
        private int neutralClass = -1;
        private double logitScale = Double.NaN;
        private int hidden = -1;
        private double ls = Double.NaN;
        private double lt = Double.NaN;
        private double lc = Double.NaN;
        private LcForm lcForm;

        /** The C x D class text embeddings (rows are L2-normalised here). */
        public Builder setTextEmbeddings(double[][] t) {
            this.textEmbeddings = t;
            return this;
        }

        /** Index of the neutral class among the rows. */
        public Builder setNeutralClass(int c) {
            this.neutralClass = c;
            return this;
        }

        public Builder setLogitScale(double s) {
            this.logitScale = s;
            return this;
        }

        public Builder setHidden(int h) {
            this.hidden = h;
            return this;
        }

        public Builder setWeights(double ls, double lt, double lc) {
            this.ls = ls;
            this.lt = lt;
            this.lc = lc;
            return this;
        }

        public Builder setLcForm(LcForm form) {
            this.lcForm = form;
            return this;
        }

        public Ke2ntLossLayer build() {
            if (textEmbeddings == null || textEmbeddings.length < 2) {
                throw new IllegalArgumentException("ke2nt needs the text embeddings of at least two classes");
            }
            if (neutralClass < 0 || neutralClass >= textEmbeddings.length) {
                throw new IllegalArgumentException("ke2nt needs the index of the neutral class, got " + neutralClass);
            }
            if (hidden < 1 || !(logitScale > 0)) {
                throw new IllegalArgumentException("ke2nt: hidden width and logit scale must be set and positive");
            }
            if (Double.isNaN(ls + lt + lc) || lcForm == null) {
                throw new IllegalArgumentException("ke2nt: the loss weights and the Lc form must be set");
            }
            return new Ke2ntLossLayer(this);
        }
    }
}
