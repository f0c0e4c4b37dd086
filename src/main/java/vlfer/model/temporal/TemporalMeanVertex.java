package vlfer.model.temporal;

import java.util.Objects;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaVertex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Mean-pools per-frame features over time: [N x T, D] to [N, D], before the method's head scores them. */
public class TemporalMeanVertex extends SameDiffLambdaVertex {
    private int frames;
    private int width;

    public TemporalMeanVertex() {
        // for DL4J's JSON
    }

    public TemporalMeanVertex(int frames, int width) {
        this.frames = frames;
        this.width = width;
    }

    @Override
    public SDVariable defineVertex(SameDiff sd, VertexInputs inputs) {
        return inputs.getInput(0).reshape(-1, frames, width).mean(1);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.feedForward(width);
    }

    @Override
    public GraphVertex clone() {
        return new TemporalMeanVertex(frames, width);
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
        return o instanceof TemporalMeanVertex v && v.frames == frames && v.width == width;
    }

    @Override
    public int hashCode() {
        return Objects.hash(frames, width);
    }
}
