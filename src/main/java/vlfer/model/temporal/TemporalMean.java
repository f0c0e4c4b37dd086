package vlfer.model.temporal;

import java.util.Objects;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mean-pools per-frame features over time, [N x T, D] to [N, D], before the method's head scores
 * a clip; the gradient of each clip is shared equally by its frames. Used as a graph vertex.
 */
public class TemporalMean implements InputPreProcessor {
    private int frames;
    private int width;

    public TemporalMean() {
        // for DL4J's JSON
    }

    public TemporalMean(int frames, int width) {
        this.frames = frames;
        this.width = width;
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr mgr) {
        INDArray in = input.isView() || input.ordering() != 'c' ? input.dup('c') : input;
        INDArray mean = in.reshape('c', in.size(0) / frames, frames, width).mean(1);
        return mgr.leverageTo(ArrayType.ACTIVATIONS, mean);
    }

    @Override
    public INDArray backprop(INDArray epsilon, int miniBatchSize, LayerWorkspaceMgr mgr) {
        long n = epsilon.size(0);
        INDArray spread = Nd4j.tile(epsilon.reshape('c', n, 1, width), 1, frames, 1).divi(frames);
        return mgr.leverageTo(ArrayType.ACTIVATION_GRAD, spread.reshape('c', n * frames, width));
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return InputType.feedForward(width);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public InputPreProcessor clone() {
        return new TemporalMean(frames, width);
    }

    public int getFrames() {
        return frames;
    }

    public void setFrames(int frames) {
        this.frames = frames;
    }

    public int getWidth() {
        return width;
    }

    public void setWidth(int width) {
        this.width = width;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemporalMean v && v.frames == frames && v.width == width;
    }

    @Override
    public int hashCode() {
        return Objects.hash(frames, width);
    }
}
