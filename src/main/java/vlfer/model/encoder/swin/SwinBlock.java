package vlfer.model.encoder.swin;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.model.encoder.samediff.Attention;
import vlfer.model.encoder.samediff.LayerNorms;
import vlfer.model.encoder.samediff.Linears;

/**
 * One block of torchvision's Swin ({@code SwinTransformerBlock}):
 * {@code x + attn(norm1(x))}, then {@code x + mlp(norm2(x))} with exact (erf) GELU, where attn is
 * {@code shifted_window_attention}: pad to whole windows, roll by half a window in odd blocks,
 * attention inside each window with the relative-position bias (and the shift mask), roll back,
 * crop. Stochastic depth is not applied (it is the identity at evaluation, and vlfer's fine-tuning
 * recipes do not use it). Weights are stored as PyTorch stores them, so a state dict imports
 * without transposes; parameter names hold no '_' (DL4J's updater splits gradient keys at the last one).
 */
public final class SwinBlock extends SwinLayer {
    public static final String NORM1_GAIN = "norm1Gain";
    public static final String NORM1_BIAS = "norm1Bias";
    public static final String QKV_WEIGHT = "qkvWeight";
    public static final String QKV_BIAS = "qkvBias";
    public static final String PROJ_WEIGHT = "projWeight";
    public static final String PROJ_BIAS = "projBias";
    public static final String POSITION_BIAS = "positionBias";
    public static final String NORM2_GAIN = "norm2Gain";
    public static final String NORM2_BIAS = "norm2Bias";
    public static final String FC1_WEIGHT = "fc1Weight";
    public static final String FC1_BIAS = "fc1Bias";
    public static final String FC2_WEIGHT = "fc2Weight";
    public static final String FC2_BIAS = "fc2Bias";
    private static final double INIT_STD = 0.02;

    private int heads;
    private int window;
    private boolean shifted;

    /** For JSON deserialisation. */
    private SwinBlock() {
    }

    /** {@code shifted}: an odd block of its stage. */
    public SwinBlock(long channels, long height, long width, int heads, int window, boolean shifted) {
        super(channels, height, width);
        if (channels % heads != 0) {
            throw new IllegalArgumentException("Swin width " + channels + " is not divisible by " + heads + " heads");
        }
        this.heads = heads;
        this.window = window;
        this.shifted = shifted;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable y = LayerNorms.apply(sd, input, p.get(NORM1_GAIN), p.get(NORM1_BIAS), 4, channels);
        SDVariable x = input.add(windowAttention(sd, y, p));
        SDVariable z = LayerNorms.apply(sd, x, p.get(NORM2_GAIN), p.get(NORM2_BIAS), 4, channels).reshape(-1, channels);
        SDVariable h = Linears.apply(sd, z, p.get(FC1_WEIGHT), p.get(FC1_BIAS));
        h = h.mul(0.5).mul(sd.math.erf(h.mul(1 / Math.sqrt(2))).add(1));                      // GELU, exact
        x = x.add(Linears.apply(sd, h, p.get(FC2_WEIGHT), p.get(FC2_BIAS)).reshape(-1, height, width, channels));
        return x;
    }

    /** torchvision's {@code shifted_window_attention} on y [N, H, W, C]. */
    private SDVariable windowAttention(SameDiff sd, SDVariable y, Map<String, SDVariable> p) {
        WindowGeometry g = new WindowGeometry((int) height, (int) width, window, shifted);
        long ph = g.paddedHeight();
        long pw = g.paddedWidth();
        long t = g.tokens();
        SDVariable x = FeatureMaps.padBottomRight(sd, y, height, width, channels, g.padBottom(), g.padRight());
        x = FeatureMaps.roll(sd, FeatureMaps.roll(sd, x, 1, ph, g.shiftRows()), 2, pw, g.shiftCols());
        SDVariable tokens = x.reshape(-1, g.windowsDown(), window, g.windowsAcross(), window, channels)
                .permute(0, 1, 3, 2, 4, 5).reshape(-1, channels);                               // [N*nW*T, C]
        SDVariable qkv = Linears.apply(sd, tokens, p.get(QKV_WEIGHT), p.get(QKV_BIAS));
        SDVariable q = Attention.heads(qkv, 0, channels, t, heads).mul(1 / Math.sqrt(channels / heads));
        SDVariable k = Attention.heads(qkv, 1, channels, t, heads);
        SDVariable v = Attention.heads(qkv, 2, channels, t, heads);
        SDVariable logits = sd.mmul(q, k, false, true, false).reshape(-1, g.windows(), heads, t, t)
                .add(relativeBias(sd, g, p.get(POSITION_BIAS), y.dataType()));
        float[][] shiftMask = g.shiftMask();
        if (shiftMask != null) {
            logits = logits.add(sd.constant(Nd4j.create(shiftMask).castTo(y.dataType()).reshape(1, g.windows(), 1, t, t)));
        }
        SDVariable attention = sd.nn.softmax(logits.reshape(-1, t, t), 2);
        SDVariable mixed = Attention.merge(sd.mmul(attention, v), channels, t, heads);
        SDVariable out = Linears.apply(sd, mixed, p.get(PROJ_WEIGHT), p.get(PROJ_BIAS))
                .reshape(-1, g.windowsDown(), g.windowsAcross(), window, window, channels)
                .permute(0, 1, 3, 2, 4, 5).reshape(-1, ph, pw, channels);
        out = FeatureMaps.roll(sd, FeatureMaps.roll(sd, out, 1, ph, ph - g.shiftRows()), 2, pw, pw - g.shiftCols());
        return g.padBottom() + g.padRight() > 0 ? FeatureMaps.crop(out, height, width) : out;
    }

    /**
     * The table [(2w-1)^2, heads] looked up by {@code relative_position_index}, as [1, 1, heads, T, T].
     * The lookup is a product with a constant one-hot matrix, so the table's gradient sums over
     * every pair of tokens that shares a row.
     */
    private SDVariable relativeBias(SameDiff sd, WindowGeometry g, SDVariable table, DataType type) {
        int[] index = g.relativePositionIndex();
        INDArray oneHot = Nd4j.zeros(type, index.length, g.relativePositions());
        for (int i = 0; i < index.length; i++) {
            oneHot.putScalar(i, index[i], 1.0);
        }
        long t = g.tokens();
        return sd.mmul(sd.constant(oneHot), table).permute(1, 0).reshape(1, 1, heads, t, t);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(QKV_WEIGHT, 3 * channels, channels);
        params.addWeightParam(PROJ_WEIGHT, channels, channels);
        params.addWeightParam(FC1_WEIGHT, 4 * channels, channels);
        params.addWeightParam(FC2_WEIGHT, channels, 4 * channels);
        // norms and the position bias table are bias parameters in DL4J's terms: under SGD they get no weight
        // decay, as Swin's recipe (under adam/adamw, vlfer decays bias parameters too)
        params.addBiasParam(NORM1_GAIN, 1, channels);
        params.addBiasParam(NORM1_BIAS, 1, channels);
        params.addBiasParam(QKV_BIAS, 1, 3 * channels);
        params.addBiasParam(PROJ_BIAS, 1, channels);
        params.addBiasParam(POSITION_BIAS, (2L * window - 1) * (2L * window - 1), heads);
        params.addBiasParam(NORM2_GAIN, 1, channels);
        params.addBiasParam(NORM2_BIAS, 1, channels);
        params.addBiasParam(FC1_BIAS, 1, 4 * channels);
        params.addBiasParam(FC2_BIAS, 1, channels);
    }

    /** torchvision's initialisation: linear weights and the bias table N(0, 0.02^2), biases 0, norms 1 and 0. */
    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        for (String w : new String[] {QKV_WEIGHT, PROJ_WEIGHT, FC1_WEIGHT, FC2_WEIGHT, POSITION_BIAS}) {
            Linears.normal(params.get(w), INIT_STD);
        }
        for (String b : new String[] {QKV_BIAS, PROJ_BIAS, FC1_BIAS, FC2_BIAS}) {
            params.get(b).assign(0);
        }
        LayerNorms.reset(params.get(NORM1_GAIN), params.get(NORM1_BIAS));
        LayerNorms.reset(params.get(NORM2_GAIN), params.get(NORM2_BIAS));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return map(height, width, channels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwinBlock b && sameMap(b) && b.heads == heads && b.window == window && b.shifted == shifted;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(channels, height, width, heads, window, shifted);
    }

    // Bean accessors: DL4J's JSON (model files, Spark workers) reads and writes through them.

    public int getHeads() {
        return heads;
    }

    public void setHeads(int heads) {
        this.heads = heads;
    }

    public int getWindow() {
        return window;
    }

    public void setWindow(int window) {
        this.window = window;
    }

    public boolean isShifted() {
        return shifted;
    }

    public void setShifted(boolean shifted) {
        this.shifted = shifted;
    }
}
