package vlfer.model.temporal;

import java.util.Objects;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a batch of clips [N, 3 x T, H, W] (frames stacked frame-major on the channel axis) into a
 * batch of frames [N x T, 3, H, W], so that any image encoder runs on every frame. A pure reshape:
 * the gradient is reshaped back. Used as a graph vertex (PreprocessorVertex).
 */
public class FramesToBatch implements InputPreProcessor {
    private int frames;
    private int height;
    private int width;

    public FramesToBatch() {
        // for DL4J's JSON
    }

    public FramesToBatch(int frames, int height, int width) {
        this.frames = frames;
        this.height = height;
        this.width = width;
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr mgr) {
        INDArray in = input.isView() || input.ordering() != 'c' ? mgr.dup(ArrayType.ACTIVATIONS, input, 'c') : input;
        return mgr.leverageTo(ArrayType.ACTIVATIONS, in.reshape('c', in.size(0) * frames, 3, height, width));
    }

    @Override
    public INDArray backprop(INDArray epsilon, int miniBatchSize, LayerWorkspaceMgr mgr) {
        INDArray eps = epsilon.isView() || epsilon.ordering() != 'c' ? mgr.dup(ArrayType.ACTIVATION_GRAD, epsilon, 'c') : epsilon;
        return mgr.leverageTo(ArrayType.ACTIVATION_GRAD, eps.reshape('c', eps.size(0) / frames, 3L * frames, height, width));
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return InputType.convolutional(height, width, 3);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public InputPreProcessor clone() {
        return new FramesToBatch(frames, height, width);
    }

    public int getFrames() {
        return frames;
    }

    public void setFrames(int frames) {
        this.frames = frames;
    }

    public int getHeight() {
        return height;
    }

    public void setHeight(int height) {
        this.height = height;
    }

    public int getWidth() {
        return width;
    }

    public void setWidth(int width) {
        this.width = width;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FramesToBatch v && v.frames == frames && v.height == height && v.width == width;
    }

    @Override
    public int hashCode() {
        return Objects.hash(frames, height, width);
    }
}
