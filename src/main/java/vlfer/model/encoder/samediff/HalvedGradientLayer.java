package vlfer.model.encoder.samediff;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** DL4J's SameDiff layer with its doubled backward pass halved (see {@link HalvingSameDiffLayer}). */
public final class HalvedGradientLayer extends SameDiffLayer {
    public HalvedGradientLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        Pair<Gradient, INDArray> out = super.backpropGradient(epsilon, workspaceMgr);
        for (INDArray g : out.getFirst().gradientForVariable().values()) {
            g.muli(0.5);
        }
        out.getSecond().muli(0.5);
        return out;
    }
}
