package vlfer.model.encoder.swin;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.samediff.LayerNorms;

/** torchvision's Swin after the last stage, up to its classifier: {@code norm}, then the mean over the map: the feature [N, C]. */
public final class SwinHead extends SwinLayer {
    public static final String GAIN = "gain";
    public static final String BIAS = "bias";

    /** For JSON deserialisation. */
    private SwinHead() {
    }

    public SwinHead(long channels, long height, long width) {
        super(channels, height, width);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable normed = LayerNorms.apply(sd, input, p.get(GAIN), p.get(BIAS), 4, channels);
        return normed.mean(1, 2);
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
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(channels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwinHead h && sameMap(h);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(channels, height, width, "head");
    }
}
