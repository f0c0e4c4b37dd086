package vlfer.interop.npz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.ClipVitEncoder;
import vlfer.model.encoder.ResNet18Encoder;
import vlfer.model.encoder.vit.VitShape;
import vlfer.testing.EncoderOnlyGraph;
import vlfer.testing.GoldenTensors;

/**
 * Golden tensors: tiny random-weight PyTorch models (src/test/python/golden_tensors.py, Debian's
 * torch 1.13, float64 forward) against the DL4J port after importing their state dicts.
 */
class StateDictImportTest {
    @Test
    void resnet18MatchesTorchvisionLayoutIncludingBatchNormStatistics() throws IOException {
        ResNet18Encoder encoder = new ResNet18Encoder(32, 8);
        ComputationGraph graph = EncoderOnlyGraph.of(encoder, DataType.FLOAT);
        StateDict dict = StateDict.read(GoldenTensors.FIXTURES.resolve("resnet18-tiny.npz"));
        StateDictImporter.Report report = StateDictImporter.load(graph, encoder.stateDictLayout(), dict, "");

        assertEquals(List.of("fc.bias", "fc.weight"), report.unused());
        assertEquals(20, report.skipped().size(), "one num_batches_tracked per batch norm: " + report.skipped());
        assertEquals(graph.numParams(), report.values(), "every encoder parameter (and statistic) comes from the file");
        GoldenTensors.assertMatchesTorch(graph, "resnet18-tiny");
    }

    @Test
    void shapeMismatchesAreListedByKeyAndNothingIsCopied() throws IOException {
        ResNet18Encoder wider = new ResNet18Encoder(32, 16);
        ComputationGraph graph = EncoderOnlyGraph.of(wider, DataType.FLOAT);
        INDArray before = graph.params().dup();
        StateDict dict = StateDict.read(GoldenTensors.FIXTURES.resolve("resnet18-tiny.npz"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateDictImporter.load(graph, wider.stateDictLayout(), dict, ""));
        assertTrue(e.getMessage().contains("resnet18-tiny.npz"), e.getMessage());
        assertTrue(e.getMessage().contains("conv1.weight: shape [8, 3, 7, 7] does not fit conv1/W [16, 3, 7, 7]"), e.getMessage());
        assertEquals(before, graph.params(), "a failed import leaves the graph as it was");
    }

    @Test
    void aWrongPrefixReportsTheMissingKeys() throws IOException {
        ResNet18Encoder encoder = new ResNet18Encoder(32, 8);
        ComputationGraph graph = EncoderOnlyGraph.of(encoder, DataType.FLOAT);
        StateDict dict = StateDict.read(GoldenTensors.FIXTURES.resolve("resnet18-tiny.npz"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateDictImporter.load(graph, encoder.stateDictLayout(), dict, "visual."));
        assertTrue(e.getMessage().contains("key prefix 'visual.'"), e.getMessage());
        assertTrue(e.getMessage().contains("visual.bn1.running_var: missing from the file"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnNpzArchiveIsAClearError(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("weights.npz"), "not a zip");
        IOException e = assertThrows(IOException.class, () -> StateDict.read(bad));
        assertTrue(e.getMessage().contains("weights.npz is not an .npz archive"), e.getMessage());
    }

    @Test
    void clipVitMatchesOpenAiLayoutUnderTheVisualPrefix() throws IOException {
        ClipVitEncoder encoder = new ClipVitEncoder("vit-tiny", new VitShape(32, 8, 32, 2, 4, 16));
        ComputationGraph graph = EncoderOnlyGraph.of(encoder, DataType.FLOAT);
        StateDict dict = StateDict.read(GoldenTensors.FIXTURES.resolve("vit-tiny.npz"));
        StateDictImporter.Report report = StateDictImporter.load(graph, encoder.stateDictLayout(), dict, "visual.");

        assertEquals(List.of(), report.unused());
        assertEquals(graph.numParams(), report.values());
        GoldenTensors.assertMatchesTorch(graph, "vit-tiny");
    }
}
