package vlfer.model.encoder.vit;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One pre-norm transformer block of CLIP's image tower ({@code ResidualAttentionBlock}):
 * {@code x + MHA(ln_1(x))}, then {@code x + c_proj(QuickGELU(c_fc(ln_2(x))))}. Tokens arrive and
 * leave as DL4J's NCW [N, width, tokens]. Weights are stored as PyTorch stores them ([out, in]),
 * so a state dict imports without transposes. Parameter names hold no '_' (DL4J's updater splits
 * gradient keys at the last one).
 */
public final class VitBlock extends VitLayer {
    public static final String LN1_GAIN = "ln1Gain";
    public static final String LN1_BIAS = "ln1Bias";
    public static final String IN_PROJ_WEIGHT = "inProjWeight";
    public static final String IN_PROJ_BIAS = "inProjBias";
    public static final String OUT_PROJ_WEIGHT = "outProjWeight";
    public static final String OUT_PROJ_BIAS = "outProjBias";
    public static final String LN2_GAIN = "ln2Gain";
    public static final String LN2_BIAS = "ln2Bias";
    public static final String FC_WEIGHT = "fcWeight";
    public static final String FC_BIAS = "fcBias";
    public static final String PROJ_WEIGHT = "projWeight";
    public static final String PROJ_BIAS = "projBias";

    private int heads;
    private int depth;

    /** For JSON deserialisation. */
    private VitBlock() {
    }

    /** {@code depth}: the number of blocks in the tower (scales the initialisation of the residual branches). */
    public VitBlock(long width, long tokens, int heads, int depth) {
        super(width, tokens);
        if (width % heads != 0) {
            throw new IllegalArgumentException("ViT width " + width + " is not divisible by " + heads + " heads");
        }
        this.heads = heads;
        this.depth = depth;
    }


    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable x = input.permute(0, 2, 1);                                                   // [N, T, w]
        SDVariable y = LayerNorms.apply(sd, x, p.get(LN1_GAIN), p.get(LN1_BIAS), 3, width).reshape(-1, width);
        SDVariable qkv = linear(sd, y, p.get(IN_PROJ_WEIGHT), p.get(IN_PROJ_BIAS));               // [N*T, 3w]
        SDVariable q = heads(part(qkv, 0));
        SDVariable k = heads(part(qkv, 1));
        SDVariable v = heads(part(qkv, 2));
        long headWidth = width / heads;
        SDVariable attention = sd.nn.softmax(sd.mmul(q, k, false, true, false).mul(1 / Math.sqrt(headWidth)), 2);
        SDVariable mixed = sd.mmul(attention, v)                                                  // [N*H, T, dh]
                .reshape(-1, heads, tokens, headWidth).permute(0, 2, 1, 3).reshape(-1, width);
        x = x.add(linear(sd, mixed, p.get(OUT_PROJ_WEIGHT), p.get(OUT_PROJ_BIAS)).reshape(-1, tokens, width));

        SDVariable z = LayerNorms.apply(sd, x, p.get(LN2_GAIN), p.get(LN2_BIAS), 3, width).reshape(-1, width);
        SDVariable h = linear(sd, z, p.get(FC_WEIGHT), p.get(FC_BIAS));
        h = h.mul(sd.nn.sigmoid(h.mul(1.702)));                                                  // QuickGELU
        x = x.add(linear(sd, h, p.get(PROJ_WEIGHT), p.get(PROJ_BIAS)).reshape(-1, tokens, width));
        return HalvedBackprop.output(sd, x.permute(0, 2, 1));
    }

    /** {@code x W^T + b} for x [rows, in], W [out, in] (nn.Linear). */
    private static SDVariable linear(SameDiff sd, SDVariable x, SDVariable weight, SDVariable bias) {
        return sd.mmul(x, weight, false, true, false).add(bias);
    }

    /** Part {@code part} (q, k or v) of the packed projection [N*T, 3w]. */
    private SDVariable part(SDVariable qkv, int part) {
        return qkv.get(SDIndex.all(), SDIndex.interval(part * width, (part + 1) * width));
    }

    /** [N*T, w] to one sequence per head: [N*H, T, w/H]. */
    private SDVariable heads(SDVariable x) {
        return x.reshape(-1, tokens, heads, width / heads).permute(0, 2, 1, 3).reshape(-1, tokens, width / heads);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(IN_PROJ_WEIGHT, 3 * width, width);
        params.addWeightParam(OUT_PROJ_WEIGHT, width, width);
        params.addWeightParam(FC_WEIGHT, 4 * width, width);
        params.addWeightParam(PROJ_WEIGHT, width, 4 * width);
        params.addBiasParam(LN1_GAIN, 1, width);
        params.addBiasParam(LN1_BIAS, 1, width);
        params.addBiasParam(IN_PROJ_BIAS, 1, 3 * width);
        params.addBiasParam(OUT_PROJ_BIAS, 1, width);
        params.addBiasParam(LN2_GAIN, 1, width);
        params.addBiasParam(LN2_BIAS, 1, width);
        params.addBiasParam(FC_BIAS, 1, 4 * width);
        params.addBiasParam(PROJ_BIAS, 1, width);
    }

    /** CLIP's initialisation: attention std w^-1/2, residual outputs scaled by (2 * depth)^-1/2, fc std (2w)^-1/2. */
    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        double attnStd = 1 / Math.sqrt(width);
        double projStd = attnStd / Math.sqrt(2.0 * depth);
        normal(params.get(IN_PROJ_WEIGHT), attnStd);
        normal(params.get(OUT_PROJ_WEIGHT), projStd);
        normal(params.get(FC_WEIGHT), 1 / Math.sqrt(2.0 * width));
        normal(params.get(PROJ_WEIGHT), projStd);
        for (String b : new String[] {IN_PROJ_BIAS, OUT_PROJ_BIAS, FC_BIAS, PROJ_BIAS}) {
            params.get(b).assign(0);
        }
        LayerNorms.reset(params.get(LN1_GAIN), params.get(LN1_BIAS));
        LayerNorms.reset(params.get(LN2_GAIN), params.get(LN2_BIAS));
    }

    private static void normal(INDArray a, double std) {
        a.assign(Nd4j.randn(a.dataType(), a.shape()).muli(std));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(width, tokens);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        requireTokens(inputType, "ViT block");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VitBlock b && sameShape(b) && b.heads == heads && b.depth == depth;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(width, tokens, heads, depth);
    }

    // Bean accessors: DL4J's JSON (model files, Spark workers) reads and writes through them.

    public int getHeads() {
        return heads;
    }

    public void setHeads(int heads) {
        this.heads = heads;
    }

    public int getDepth() {
        return depth;
    }

    public void setDepth(int depth) {
        this.depth = depth;
    }
}
