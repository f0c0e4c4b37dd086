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
 * graph ({@link Ke2ntLossLayer#defineLayer}), with the backward pass written out by hand.
 * SameDiff interprets the graph's ~150 operations one by one, which cost about 40 ms per training
 * step for a 32-face batch; this takes about 2. {@code Ke2ntLossLayerTest} checks the two against
 * each other and against finite differences.
 */
public class Ke2ntLoss extends SameDiffOutputLayer {
    private transient INDArray tTransposed;

    public Ke2ntLoss(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private Ke2ntLossLayer ke2nt() {
        return (Ke2ntLossLayer) layerConf();
    }

    /** T transposed [D, C], in the input's data type, for the logits. */
    private INDArray tTransposed(DataType type) {
        if (tTransposed == null || tTransposed.dataType() != type) {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                tTransposed = Nd4j.create(ke2nt().getTextEmbeddings()).castTo(type).transpose().dup('c');
            }
        }
        return tTransposed;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray logits;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray norms = Transforms.sqrt(input.mul(input).sum(true, 1).addi(Vectors.EPS * Vectors.EPS), false);
            logits = input.divColumnVector(norms).mmul(tTransposed(input.dataType())).muli(ke2nt().getLogitScale());
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

    /** A [B, D] array's rows, in double precision (one bulk copy: per-element reads are slow). */
    private static double[][] rows(INDArray a) {
        double[] flat = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int cols = (int) a.size(1);
        double[][] out = new double[(int) a.size(0)][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * cols, (i + 1) * cols);
        }
        return out;
    }

    private INDArray array(double[][] rows) {
        int cols = rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return Nd4j.create(flat, new long[]{rows.length, cols}, DataType.DOUBLE).castTo(input.dataType());
    }

    /** Rows of x over their norms sqrt(|x|^2 + eps^2); the norms go into {@code norms}. */
    private static double[][] unit(double[][] x, double[] norms) {
        double[][] u = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            norms[i] = Math.sqrt(dot(x[i], x[i]) + Vectors.EPS * Vectors.EPS);
            u[i] = scaled(x[i], 1 / norms[i]);
        }
        return u;
    }

    /** The backward pass of {@link #unit} for one row: (g - u (u . g)) / norm. */
    private static double[] unitBackward(double[] u, double norm, double[] g) {
        double along = dot(u, g);
        double[] out = new double[g.length];
        for (int j = 0; j < g.length; j++) {
            out[j] = (g[j] - u[j] * along) / norm;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static double[] scaled(double[] a, double f) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] * f;
        }
        return out;
    }

    /** out += f * a. */
    private static void addScaled(double[] out, double[] a, double f) {
        for (int j = 0; j < a.length; j++) {
            out[j] += f * a[j];
        }
    }

    /**
     * One forward pass over a batch, keeping what the backward pass needs. The neutral MLP's
     * matrix products run in ND4J; the row-wise rest (cosines, norms, softmax over a handful of
     * classes) in plain Java, in double precision, where ND4J's per-operation cost would dominate.
     */
    private final class Pass {
        final INDArray e;
        final INDArray pre;
        final INDArray h;
        final int rows;
        final double[][] y;
        final double[][] t;
        final double[][] u;
        final double[] eNorm;
        final double[][] p;
        final double[] m;
        final double batch;
        final double count;
        final double denom;
        final double[][] nu;
        final double[] nNorm;
        final double[][] ty;
        final double[][] a;
        final double[][] b;
        final double[] aNorm;
        final double[] bNorm;
        final double[] abDot;
        final double[] av;
        final double loss;

        Pass(INDArray input, INDArray labels) {
            Ke2ntLossLayer k = ke2nt();
            t = k.getTextEmbeddings();
            int neutral = k.getNeutralClass();
            double s = k.getLogitScale();
            e = input;
            pre = e.mmul(paramTable.get("W1")).addiRowVector(paramTable.get("b1"));
            h = Transforms.relu(pre, true);
            double[][] n = rows(h.mmul(paramTable.get("W2")).addiRowVector(paramTable.get("b2")));
            double[][] x = rows(e);
            y = rows(labels);
            rows = x.length;
            int classes = t.length;
            eNorm = new double[rows];
            u = unit(x, eNorm);
            nNorm = new double[rows];
            nu = unit(n, nNorm);
            p = new double[rows][classes];
            m = new double[rows];
            ty = new double[rows][];
            a = new double[rows][];
            b = new double[rows][];
            aNorm = new double[rows];
            bNorm = new double[rows];
            abDot = new double[rows];
            double lsSum = 0;
            double batchSum = 0;
            double countSum = 0;
            double ltSum = 0;
            double lcDiagonal = 0;
            for (int i = 0; i < rows; i++) {
                // Ls: -sum_c y_c log softmax(s u.t_c)
                double[] z = new double[classes];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    z[c] = s * dot(u[i], t[c]);
                    max = Math.max(max, z[c]);
                }
                double sumExp = 0;
                for (int c = 0; c < classes; c++) {
                    p[i][c] = Math.exp(z[c] - max);
                    sumExp += p[i][c];
                }
                double logSum = Math.log(sumExp);
                ty[i] = new double[t[0].length];
                for (int c = 0; c < classes; c++) {
                    p[i][c] /= sumExp;
                    lsSum -= y[i][c] * (z[c] - max - logSum);
                    batchSum += y[i][c];
                    addScaled(ty[i], t[c], y[i][c]);
                }
                m[i] = 1 - y[i][neutral];
                countSum += m[i];
                // Lt: 1 - cos(e - n, t_y - t_neutral)
                a[i] = x[i].clone();
                addScaled(a[i], n[i], -1);
                b[i] = ty[i].clone();
                addScaled(b[i], t[neutral], -1);
                aNorm[i] = Math.sqrt(dot(a[i], a[i]) + Vectors.EPS * Vectors.EPS);
                bNorm[i] = Math.sqrt(dot(b[i], b[i]) + Vectors.EPS * Vectors.EPS);
                abDot[i] = dot(a[i], b[i]);
                ltSum += m[i] * (1 - abDot[i] / (aNorm[i] * bNorm[i] + Vectors.EPS));
                lcDiagonal += m[i] * (dot(ty[i], nu[i]) - dot(ty[i], u[i]) + 2);
            }
            batch = batchSum;
            count = countSum;
            denom = Math.max(count, 1.0);
            double lcMean;
            if (k.getLcForm() == LcForm.DIAGONAL) {
                av = null;
                lcMean = lcDiagonal / denom;
            } else {
                av = new double[t[0].length];
                double[] bv = new double[t[0].length];
                for (int i = 0; i < rows; i++) {
                    addScaled(av, ty[i], m[i]);
                    addScaled(bv, nu[i], m[i]);
                    addScaled(bv, u[i], -m[i]);
                }
                double pairs = count * count;
                lcMean = (dot(av, bv) + 2 * pairs) / Math.max(pairs, 1.0);
            }
            loss = k.getLs() * lsSum + batch * (k.getLt() * ltSum / denom + k.getLc() * lcMean);
        }

        /** Gradients of {@link #loss} by parameter key, and by {@link #INPUT_KEY} for the input. */
        Map<String, INDArray> backward() {
            Ke2ntLossLayer k = ke2nt();
            double s = k.getLogitScale();
            double lcCoef = k.getLcForm() == LcForm.DIAGONAL ? batch * k.getLc() / denom
                    : batch * k.getLc() / Math.max(count * count, 1.0);
            double[][] ge = new double[rows][];
            double[][] gn = new double[rows][];
            for (int i = 0; i < rows; i++) {
                // Ls through the logits: ls * (p * sum(y) - y), then through u = e / |e|
                double ySum = 0;
                for (double v : y[i]) {
                    ySum += v;
                }
                double[] gu = new double[u[i].length];
                for (int c = 0; c < t.length; c++) {
                    addScaled(gu, t[c], s * k.getLs() * (p[i][c] * ySum - y[i][c]));
                }
                // Lc: +coef m_i w on n_i / |n_i|, -coef m_i w on u_i (w = t_y, or sum_j m_j t_y_j)
                double[] gnu = scaled(k.getLcForm() == LcForm.DIAGONAL ? ty[i] : av, lcCoef * m[i]);
                addScaled(gu, gnu, -1);
                // Lt: d cos/d a = b / den - (a.b) |b| a / (|a| den^2)
                double den = aNorm[i] * bNorm[i] + Vectors.EPS;
                double gcos = -batch * k.getLt() / denom * m[i];
                double[] ga = scaled(b[i], gcos / den);
                addScaled(ga, a[i], -gcos * abDot[i] * bNorm[i] / (aNorm[i] * den * den));
                ge[i] = unitBackward(u[i], eNorm[i], gu);
                addScaled(ge[i], ga, 1);
                gn[i] = unitBackward(nu[i], nNorm[i], gnu);
                addScaled(gn[i], ga, -1);
            }
            // the neutral MLP
            INDArray gN = array(gn);
            INDArray gW2 = h.transpose().mmul(gN);
            INDArray gb2 = gN.sum(true, 0);
            INDArray gPre = gN.mmul(paramTable.get("W2").transpose()).muli(pre.gt(0).castTo(pre.dataType()));
            INDArray gW1 = e.transpose().mmul(gPre);
            INDArray gb1 = gPre.sum(true, 0);
            INDArray gIn = gPre.mmul(paramTable.get("W1").transpose()).addi(array(ge));
            return Map.of("W1", gW1, "b1", gb1, "W2", gW2, "b2", gb2, INPUT_KEY, gIn);
        }
    }
}
