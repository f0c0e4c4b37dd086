package vlfer.model.encoder.onednn;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A fused layer's oneDNN primitives and buffers for one batch size. */
public interface BlockPlan extends AutoCloseable {
    /** Writes the output for input {@code x} into {@code out}; {@code training}: batch statistics, kept for backward. */
    void forward(INDArray x, INDArray out, Map<String, INDArray> params, boolean training);

    /**
     * After a training {@link #forward} of {@code x} into {@code out}: every parameter's gradient
     * into {@code gradients} and, when {@code inputGradient} is not null, the input's gradient.
     */
    void backward(INDArray x, INDArray out, INDArray outputGradient, INDArray inputGradient, Map<String, INDArray> params,
                  Map<String, INDArray> gradients);
}
