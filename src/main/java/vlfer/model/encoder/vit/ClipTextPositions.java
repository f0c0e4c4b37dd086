package vlfer.model.encoder.vit;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.samediff.Linears;

/**
 * The start of CLIP's text tower: token embeddings [N, width, context] (looked up outside the graph,
 * or learnt prompt tokens spliced in) plus {@code positional_embedding}. No layer norm follows,
 * unlike the image tower's {@code ln_pre}.
 */
public final class ClipTextPositions extends VitLayer {
    public static final String POSITIONS = "positionalEmbedding";

    /** For JSON deserialisation. */
    private ClipTextPositions() {
    }

    public ClipTextPositions(long width, long context) {
        super(width, context);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable positions = p.get(POSITIONS).permute(1, 0).reshape(1, width, tokens);
        return input.add(positions);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addBiasParam(POSITIONS, tokens, width);
    }

    /** CLIP's initialisation: N(0, 0.01^2). */
    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        Linears.normal(params.get(POSITIONS), 0.01);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(width, tokens);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        requireTokens(inputType, "CLIP text embedding");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClipTextPositions c && sameShape(c);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(width, tokens, "text-positions");
    }
}
