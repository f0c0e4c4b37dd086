package vlfer.model.loss;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffOutputLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The running {@link Ke2ntLossLayer}: the same logits, loss and gradients as the layer's SameDiff
 * graph ({@link Ke2ntLossLayer#defineLayer}), computed with a few dozen ND4J operations and the
 * backward pass written out by hand. SameDiff interprets its ~150 operations one by one, which
 * cost about 40 ms per training step for a 32-face batch. {@code Ke2ntLossTest} checks the two
 * against each other.
 */
public class Ke2ntLoss extends SameDiffOutputLayer {
    private transient Constants constants;

    public Ke2ntLoss(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private Ke2ntLossLayer ke2nt() {
        return (Ke2ntLossLayer) layerConf();
    }

    /** T, T transposed and t_neutral, as arrays of the input's data type. */
    private record Constants(INDArray t, INDArray tTransposed, INDArray tNeutral) {
    }

    private Constants constants(DataType type) {
        if (constants == null || constants.t().dataType() != type) {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                INDArray t = Nd4j.create(ke2nt().getTextEmbeddings()).castTo(type);
                constants = new Constants(t, t.transpose().dup('c'), t.getRow(ke2nt().getNeutralClass(), true).dup());
            }
        }
        return constants;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray logits;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            logits = unit(input).u.mmul(constants(input.dataType()).tTransposed()).muli(ke2nt().getLogitScale());
        }
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, logits);
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return (new Pass(input, labels).loss + fullNetRegTerm) / input.size(0);
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (labels == null) {
            throw new IllegalStateException("ke2nt layer " + layerConf().getLayerName() + ": backprop without labels");
        }
        INDArray dLdIn;
        Gradient g = new DefaultGradient();
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            Pass pass = new Pass(input, labels);
            Map<String, INDArray> grads = pass.backward();
            for (Map.Entry<String, INDArray> e : grads.entrySet()) {
                if (e.getKey().equals(INPUT_KEY)) {
                    continue;
                }
                INDArray target = gradTable.get(e.getKey());
                target.assign(e.getValue().reshape(target.shape()));
                g.gradientForVariable().put(e.getKey(), target);
            }
            dLdIn = grads.get(INPUT_KEY);
        }
        return new Pair<>(g, workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, dLdIn));
    }

    /** Rows of x over their norms sqrt(|x|^2 + eps^2), and the norms [B, 1]. */
    private record Unit(INDArray u, INDArray norm) {
    }

    private static Unit unit(INDArray x) {
        INDArray norm = Transforms.sqrt(x.mul(x).sum(true, 1).addi(Vectors.EPS * Vectors.EPS), false);
        return new Unit(x.divColumnVector(norm), norm);
    }

    /** The backward pass of {@link #unit}: (g - u (u . g)) / norm, per row. */
    private static INDArray unitBackward(Unit x, INDArray g) {
        INDArray along = x.u().mul(g).sum(true, 1);
        return g.sub(x.u().mulColumnVector(along)).diviColumnVector(x.norm());
    }

    /** One forward pass over a batch, keeping what the backward pass needs. */
    private final class Pass {
        final INDArray e;
        final INDArray y;
        final Unit eu;
        final INDArray p;
        final INDArray m;
        final double batch;
        final double count;
        final double denom;
        final INDArray pre;
        final INDArray h;
        final INDArray n;
        final Unit nu;
        final INDArray ty;
        final INDArray a;
        final INDArray b;
        final INDArray aNorm;
        final INDArray bNorm;
        final INDArray dot;
        final INDArray den;
        final INDArray av;
        final double loss;

        Pass(INDArray input, INDArray labels) {
            Ke2ntLossLayer k = ke2nt();
            Constants c = constants(input.dataType());
            e = input;
            y = labels.castTo(input.dataType());
            eu = unit(e);
            INDArray z = eu.u().mmul(c.tTransposed()).muli(k.getLogitScale());
            INDArray shifted = z.subColumnVector(z.max(true, 1));
            INDArray exp = Transforms.exp(shifted, true);
            INDArray sumExp = exp.sum(true, 1);
            INDArray logP = shifted.subColumnVector(Transforms.log(sumExp, true));
            p = exp.diviColumnVector(sumExp);
            double lsSum = -y.mul(logP).sumNumber().doubleValue();

            batch = y.sumNumber().doubleValue();
            m = y.getColumn(k.getNeutralClass(), true).rsub(1.0);
            count = m.sumNumber().doubleValue();
            denom = Math.max(count, 1.0);
            pre = e.mmul(paramTable.get("W1")).addiRowVector(paramTable.get("b1"));
            h = Transforms.relu(pre, true);
            n = h.mmul(paramTable.get("W2")).addiRowVector(paramTable.get("b2"));
            ty = y.mmul(c.t());

            a = e.sub(n);
            b = ty.subRowVector(c.tNeutral());
            aNorm = Transforms.sqrt(a.mul(a).sum(true, 1).addi(Vectors.EPS * Vectors.EPS), false);
            bNorm = Transforms.sqrt(b.mul(b).sum(true, 1).addi(Vectors.EPS * Vectors.EPS), false);
            dot = a.mul(b).sum(true, 1);
            den = aNorm.mul(bNorm).addi(Vectors.EPS);
            double ltMean = m.mul(dot.div(den).rsubi(1.0)).sumNumber().doubleValue() / denom;

            nu = unit(n);
            double lcMean;
            if (k.getLcForm() == LcForm.DIAGONAL) {
                av = null;
                INDArray perSample = ty.mul(nu.u()).sum(true, 1).subi(ty.mul(eu.u()).sum(true, 1)).addi(2.0);
                lcMean = m.mul(perSample).sumNumber().doubleValue() / denom;
            } else {
                av = ty.mulColumnVector(m).sum(true, 0);
                INDArray bv = nu.u().sub(eu.u()).muliColumnVector(m).sum(true, 0);
                double pairs = count * count;
                lcMean = (av.mul(bv).sumNumber().doubleValue() + 2 * pairs) / Math.max(pairs, 1.0);
            }
            loss = k.getLs() * lsSum + batch * (k.getLt() * ltMean + k.getLc() * lcMean);
        }

        /** Gradients of {@link #loss} by parameter key, and by {@link #INPUT_KEY} for the input. */
        Map<String, INDArray> backward() {
            Ke2ntLossLayer k = ke2nt();
            Constants c = constants(e.dataType());
            // Ls through the logits: (p * sum(y) - y) per row
            INDArray gz = p.mulColumnVector(y.sum(true, 1)).subi(y).muli(k.getLs());
            INDArray gu = gz.mmul(c.t()).muli(k.getLogitScale());
            // Lc
            INDArray gnu;
            if (k.getLcForm() == LcForm.DIAGONAL) {
                gnu = ty.mulColumnVector(m).muli(batch * k.getLc() / denom);
            } else {
                gnu = m.mmul(av).muli(batch * k.getLc() / Math.max(count * count, 1.0));
            }
            gu.subi(gnu);
            // Lt: d cos/d a = b / den - dot * |b| * a / (|a| * den^2)
            INDArray gcos = m.mul(-batch * k.getLt() / denom);
            INDArray ga = b.divColumnVector(den)
                    .subi(a.mulColumnVector(dot.mul(bNorm).divi(aNorm.mul(den).muli(den))))
                    .muliColumnVector(gcos);
            INDArray ge = unitBackward(eu, gu).addi(ga);
            INDArray gn = unitBackward(nu, gnu).subi(ga);
            // the neutral MLP
            INDArray gW2 = h.transpose().mmul(gn);
            INDArray gb2 = gn.sum(true, 0);
            INDArray gPre = gn.mmul(paramTable.get("W2").transpose()).muli(pre.gt(0).castTo(pre.dataType()));
            INDArray gW1 = e.transpose().mmul(gPre);
            INDArray gb1 = gPre.sum(true, 0);
            ge.addi(gPre.mmul(paramTable.get("W1").transpose()));
            return Map.of("W1", gW1, "b1", gb1, "W2", gW2, "b2", gb2, INPUT_KEY, ge);
        }
    }
}
