package vlfer.model.encoder.swin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import vlfer.interop.npz.StateDict;
import vlfer.interop.npz.StateDictImporter;
import vlfer.model.encoder.SwinEncoder;
import vlfer.testing.EncoderOnlyGraph;
import vlfer.testing.GoldenTensors;

/**
 * Golden tensors: torchvision 0.14's own {@code SwinTransformer} class, tiny (embedding 16, depths
 * [2, 2, 2, 2], heads [1, 1, 2, 2], window 7) with random weights, against the DL4J port after
 * importing its state dict. At 112 the last stages cover the odd-side patch merging and a map
 * padded to one window; at 224 three stages shift their windows.
 */
class SwinImportTest {
    private static final SwinShape TINY = new SwinShape(224, 4, 16, List.of(2, 2, 2, 2), List.of(1, 1, 2, 2), 7);

    @ParameterizedTest
    @ValueSource(ints = {112, 224})
    void tinySwinMatchesTorchvisionAtEveryInputSize(int size) throws IOException {
        SwinEncoder encoder = new SwinEncoder("swin-tiny", TINY.withImageSize(size));
        ComputationGraph graph = EncoderOnlyGraph.of(encoder, DataType.FLOAT);
        StateDict dict = StateDict.read(GoldenTensors.FIXTURES.resolve("swin-tiny.npz"));
        StateDictImporter.Report report = StateDictImporter.load(graph, encoder.stateDictLayout(), dict, "");

        assertEquals(List.of("head.bias", "head.weight"), report.unused(), "torchvision's classifier is not the encoder");
        assertEquals(8, report.skipped().size(), "one integer relative_position_index per block: " + report.skipped());
        assertEquals(graph.numParams(), report.values(), "every encoder parameter comes from the file");
        GoldenTensors.assertMatchesTorch(graph, "swin-tiny-" + size);
    }

    @Test
    void aWindowOfAnotherSizeIsListedByKey() throws IOException {
        SwinShape window5 = new SwinShape(112, 4, 16, List.of(2, 2, 2, 2), List.of(1, 1, 2, 2), 5);
        SwinEncoder encoder = new SwinEncoder("swin-w5", window5);
        ComputationGraph graph = EncoderOnlyGraph.of(encoder, DataType.FLOAT);
        StateDict dict = StateDict.read(GoldenTensors.FIXTURES.resolve("swin-tiny.npz"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateDictImporter.load(graph, encoder.stateDictLayout(), dict, ""));
        assertTrue(e.getMessage().contains("features.1.0.attn.relative_position_bias_table: shape [169, 1] does not fit "
                + "features.1.0/positionBias [81, 1]"), e.getMessage());
        assertTrue(e.getMessage().contains("8 problem(s)"), e.getMessage());
    }
}
