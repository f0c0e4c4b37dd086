package vlfer.model.encoder.vit;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.model.encoder.TorchParam;
import vlfer.model.encoder.samediff.Attention;
import vlfer.model.encoder.samediff.LayerNorms;
import vlfer.model.encoder.samediff.Linears;

/**
 * One pre-norm transformer block of CLIP ({@code ResidualAttentionBlock}):
 * {@code x + MHA(ln_1(x))}, then {@code x + c_proj(QuickGELU(c_fc(ln_2(x))))}; in the text tower
 * ({@code causal}) no token attends to a later one. Tokens arrive and
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

    /** What a masked attention logit gets added: exp() of it underflows to exactly 0, as with CLIP's -inf. */
    private static final double MASKED = -1e9;

    private int heads;
    private int depth;
    private boolean causal;

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

    /** A block of CLIP's text tower: {@code causal} masks every later token, as CLIP's {@code build_attention_mask}. */
    public VitBlock(long width, long tokens, int heads, int depth, boolean causal) {
        this(width, tokens, heads, depth);
        this.causal = causal;
    }


    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable x = input.permute(0, 2, 1);                                                   // [N, T, w]
        SDVariable y = LayerNorms.apply(sd, x, p.get(LN1_GAIN), p.get(LN1_BIAS), 3, width).reshape(-1, width);
        SDVariable qkv = Linears.apply(sd, y, p.get(IN_PROJ_WEIGHT), p.get(IN_PROJ_BIAS));               // [N*T, 3w]
        SDVariable q = Attention.heads(qkv, 0, width, tokens, heads);                            // [N*H, T, dh]
        SDVariable k = Attention.heads(qkv, 1, width, tokens, heads);
        SDVariable v = Attention.heads(qkv, 2, width, tokens, heads);
        long headWidth = width / heads;
        SDVariable logits = sd.mmul(q, k, false, true, false).mul(1 / Math.sqrt(headWidth));
        if (causal) {
            logits = logits.add(sd.constant(laterTokens(input.dataType())));
        }
        SDVariable attention = sd.nn.softmax(logits, 2);
        SDVariable mixed = Attention.merge(sd.mmul(attention, v), width, tokens, heads);
        x = x.add(Linears.apply(sd, mixed, p.get(OUT_PROJ_WEIGHT), p.get(OUT_PROJ_BIAS)).reshape(-1, tokens, width));

        SDVariable z = LayerNorms.apply(sd, x, p.get(LN2_GAIN), p.get(LN2_BIAS), 3, width).reshape(-1, width);
        SDVariable h = Linears.apply(sd, z, p.get(FC_WEIGHT), p.get(FC_BIAS));
        h = h.mul(sd.nn.sigmoid(h.mul(1.702)));                                                  // QuickGELU
        x = x.add(Linears.apply(sd, h, p.get(PROJ_WEIGHT), p.get(PROJ_BIAS)).reshape(-1, tokens, width));
        return x.permute(0, 2, 1);
    }

    /** OpenAI's names of one block's tensors ({@code prefix} e.g. "transformer.resblocks.3.") for the block {@code layer}. */
    public static void stateDictLayout(List<TorchParam> out, String prefix, String layer) {
        out.add(TorchParam.same(prefix + "ln_1.weight", layer, LN1_GAIN));
        out.add(TorchParam.same(prefix + "ln_1.bias", layer, LN1_BIAS));
        out.add(TorchParam.same(prefix + "attn.in_proj_weight", layer, IN_PROJ_WEIGHT));
        out.add(TorchParam.same(prefix + "attn.in_proj_bias", layer, IN_PROJ_BIAS));
        out.add(TorchParam.same(prefix + "attn.out_proj.weight", layer, OUT_PROJ_WEIGHT));
        out.add(TorchParam.same(prefix + "attn.out_proj.bias", layer, OUT_PROJ_BIAS));
        out.add(TorchParam.same(prefix + "ln_2.weight", layer, LN2_GAIN));
        out.add(TorchParam.same(prefix + "ln_2.bias", layer, LN2_BIAS));
        out.add(TorchParam.same(prefix + "mlp.c_fc.weight", layer, FC_WEIGHT));
        out.add(TorchParam.same(prefix + "mlp.c_fc.bias", layer, FC_BIAS));
        out.add(TorchParam.same(prefix + "mlp.c_proj.weight", layer, PROJ_WEIGHT));
        out.add(TorchParam.same(prefix + "mlp.c_proj.bias", layer, PROJ_BIAS));
    }

    /** [1, T, T]: MASKED where the key comes after the query, 0 elsewhere. */
    private INDArray laterTokens(DataType type) {
        INDArray m = Nd4j.zeros(type, 1, tokens, tokens);
        for (long query = 0; query < tokens; query++) {
            for (long key = query + 1; key < tokens; key++) {
                m.putScalar(new long[] {0, query, key}, MASKED);
            }
        }
        return m;
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
        Linears.normal(params.get(IN_PROJ_WEIGHT), attnStd);
        Linears.normal(params.get(OUT_PROJ_WEIGHT), projStd);
        Linears.normal(params.get(FC_WEIGHT), 1 / Math.sqrt(2.0 * width));
        Linears.normal(params.get(PROJ_WEIGHT), projStd);
        for (String b : new String[] {IN_PROJ_BIAS, OUT_PROJ_BIAS, FC_BIAS, PROJ_BIAS}) {
            params.get(b).assign(0);
        }
        LayerNorms.reset(params.get(LN1_GAIN), params.get(LN1_BIAS));
        LayerNorms.reset(params.get(LN2_GAIN), params.get(LN2_BIAS));
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
        return o instanceof VitBlock b && sameShape(b) && b.heads == heads && b.depth == depth && b.causal == causal;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(width, tokens, heads, depth, causal);
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

    public boolean isCausal() {
        return causal;
    }

    public void setCausal(boolean causal) {
        this.causal = causal;
    }
}
