package vlfer.model.cliper;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The computation of {@link DescriptorScores}: forward {@code S = V U^T / tau} for unit rows V [B, D]
 * and U [C*K, D]; backward {@code dV = dS U / tau}, {@code dU = dS^T V / tau}. Results go into
 * DL4J's activation and activation-gradient workspaces.
 */
final class DescriptorScoresVertex extends BaseGraphVertex {
    private final double temperature;

    DescriptorScoresVertex(ComputationGraph graph, String name, int index, double temperature, DataType type) {
        super(graph, name, index, null, null, type);
        this.temperature = temperature;
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoForward()) {
            throw new IllegalStateException("descriptor scores " + vertexName + ": inputs not set");
        }
        INDArray v = inputs[0];
        INDArray u = inputs[1];
        INDArray s = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, v.dataType(), v.size(0), u.size(0));
        v.mmuli(u.transpose(), s);
        return s.divi(temperature);
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoBackward()) {
            throw new IllegalStateException("descriptor scores " + vertexName + ": errors not set");
        }
        INDArray v = inputs[0];
        INDArray u = inputs[1];
        INDArray dV = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, v.dataType(), v.shape());
        epsilon.mmuli(u, dV).divi(temperature);
        INDArray dU = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, u.dataType(), u.shape());
        epsilon.transpose().mmuli(v, dU).divi(temperature);
        return new Pair<>(null, new INDArray[] {dV, dU});
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        if (backpropGradientsViewArray != null) {
            throw new IllegalStateException("descriptor scores have no parameters");
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        return maskArrays == null || maskArrays.length == 0 ? null : new Pair<>(maskArrays[0], currentMaskState);
    }

    @Override
    public String toString() {
        return "DescriptorScoresVertex(" + vertexName + ")";
    }
}
