package vlfer.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vlfer.interop.npz.StateDict;
import vlfer.interop.npz.StateDictImporter;
import vlfer.model.encoder.onednn.Dnnl;
import vlfer.testing.EncoderOnlyGraph;

/**
 * A PyTorch state dict loads into fused ResNet blocks by torchvision's names, running statistics
 * included: a state dict taken from the DL4J-layer encoder (random weights and statistics), loaded
 * into the fused one, gives the same features in inference.
 */
class FusedResNetImportTest {
    @Test
    void torchvisionNamesReachTheFusedBlocks() {
        assumeTrue(Dnnl.available(), "oneDNN runs here");
        ResNet18Encoder stockEncoder = new ResNet18Encoder(32, 16, false);
        ResNet18Encoder fusedEncoder = new ResNet18Encoder(32, 16, true);
        ComputationGraph stock = EncoderOnlyGraph.of(stockEncoder, DataType.FLOAT);
        ComputationGraph fused = EncoderOnlyGraph.of(fusedEncoder, DataType.FLOAT);
        Nd4j.getRandom().setSeed(3);
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        for (TorchParam p : stockEncoder.stateDictLayout()) {
            INDArray target = stock.getLayer(p.layer()).getParam(p.param());
            // statistics and scales away from their initial 0 and 1, so that a lost one shows
            INDArray value = p.param().equals("var") || p.param().equals("gamma")
                    ? Nd4j.rand(DataType.FLOAT, target.shape()).addi(0.5) : Nd4j.randn(DataType.FLOAT, target.shape()).muli(0.1);
            target.assign(value);
            tensors.put(p.key(), value.dup());
        }
        StateDictImporter.Report report = StateDictImporter.load(fused, fusedEncoder.stateDictLayout(),
                StateDict.of("stock", tensors, List.of()), "");
        assertEquals(tensors.size(), report.copied(), "every tensor copied");
        assertTrue(report.unused().isEmpty(), "nothing unused: " + report.unused());
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
        INDArray expected = stock.outputSingle(false, x);
        INDArray actual = fused.outputSingle(false, x);
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-4 * expected.amaxNumber().doubleValue(), "features differ by " + diff);
    }
}
