package vlfer.model.encoder.swin;

import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.samediff.LayerNorms;

/**
 * The end of torchvision's patch embedding ({@code features.0}): the patch convolution's NCHW
 * output turned channels-last ({@code Permute([0, 2, 3, 1])}) and layer-normed over the channels.
 */
public final class SwinPatchNorm extends SwinLayer {
    public static final String GAIN = "gain";
    public static final String BIAS = "bias";

    /** For JSON deserialisation. */
    private SwinPatchNorm() {
    }

    public SwinPatchNorm(long channels, long height, long width) {
        super(channels, height, width);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable x = input.permute(0, 2, 3, 1);
        return LayerNorms.apply(sd, x, p.get(GAIN), p.get(BIAS), 4, channels);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addBiasParam(GAIN, 1, channels);
        params.addBiasParam(BIAS, 1, channels);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        LayerNorms.reset(params.get(GAIN), params.get(BIAS));
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        requireMap(inputType, CNN2DFormat.NCHW);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return map(height, width, channels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwinPatchNorm n && sameMap(n);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(channels, height, width);
    }
}
