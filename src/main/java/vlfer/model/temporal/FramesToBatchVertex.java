package vlfer.model.temporal;

import java.util.Objects;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaVertex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Turns a batch of clips [N, 3 x T, H, W] (frames stacked frame-major on the channel axis) into a
 * batch of frames [N x T, 3, H, W], so that any image encoder runs on every frame.
 */
public class FramesToBatchVertex extends SameDiffLambdaVertex {
    private int frames;
    private int height;
    private int width;

    public FramesToBatchVertex() {
        // for DL4J's JSON
    }

    public FramesToBatchVertex(int frames, int height, int width) {
        this.frames = frames;
        this.height = height;
        this.width = width;
    }

    @Override
    public SDVariable defineVertex(SameDiff sd, VertexInputs inputs) {
        return inputs.getInput(0).reshape(-1, 3, height, width);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.convolutional(height, width, 3);
    }

    @Override
    public GraphVertex clone() {
        return new FramesToBatchVertex(frames, height, width);
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
        return o instanceof FramesToBatchVertex v && v.frames == frames && v.height == height && v.width == width;
    }

    @Override
    public int hashCode() {
        return Objects.hash(frames, height, width);
    }
}
