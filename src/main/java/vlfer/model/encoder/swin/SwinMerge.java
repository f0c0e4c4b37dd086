package vlfer.model.encoder.swin;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.samediff.LayerNorms;
import vlfer.model.encoder.samediff.Linears;

/**
 * torchvision's {@code PatchMerging}: an odd side padded with a zero row or column, each 2 x 2
 * neighbourhood concatenated in the order (0,0), (1,0), (0,1), (1,1) (row, column), layer-normed
 * over the 4C channels and reduced to 2C without bias.
 */
public final class SwinMerge extends SwinLayer {
    public static final String NORM_GAIN = "normGain";
    public static final String NORM_BIAS = "normBias";
    public static final String REDUCTION = "reduction";

    /** For JSON deserialisation. */
    private SwinMerge() {
    }

    public SwinMerge(long channels, long height, long width) {
        super(channels, height, width);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        int bottom = (int) (height % 2);
        int right = (int) (width % 2);
        SDVariable x = FeatureMaps.padBottomRight(sd, input, height, width, channels, bottom, right);
        long h = (height + bottom) / 2;
        long w = (width + right) / 2;
        // [N, h, row parity, w, column parity, C] -> [N, h, w, column parity, row parity, C]: torchvision's order
        SDVariable neighbours = x.reshape(-1, h, 2, w, 2, channels).permute(0, 1, 3, 4, 2, 5).reshape(-1, 4 * channels);
        SDVariable normed = LayerNorms.apply(sd, neighbours, p.get(NORM_GAIN), p.get(NORM_BIAS), 2, 4 * channels);
        return Linears.apply(sd, normed, p.get(REDUCTION), null).reshape(-1, h, w, 2 * channels);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(REDUCTION, 2 * channels, 4 * channels);
        params.addBiasParam(NORM_GAIN, 1, 4 * channels);
        params.addBiasParam(NORM_BIAS, 1, 4 * channels);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        Linears.normal(params.get(REDUCTION), 0.02);
        LayerNorms.reset(params.get(NORM_GAIN), params.get(NORM_BIAS));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return map((height + 1) / 2, (width + 1) / 2, 2 * channels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwinMerge m && sameMap(m);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(channels, height, width, "merge");
    }
}
