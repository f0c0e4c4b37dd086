package vlfer.interop.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.interop.npz.StateDict;
import vlfer.interop.npz.StateDictImporter;
import vlfer.model.encoder.ClipVitEncoder;
import vlfer.model.encoder.ResNet18Encoder;
import vlfer.model.encoder.vit.VitShape;
import vlfer.testing.EncoderOnlyGraph;
import vlfer.testing.GoldenTensors;

/**
 * TorchScript archives (src/test/python/golden_tensors.py: the golden models traced in float32)
 * read through DJL's PyTorch engine 0.35.1, offline, next to the project's DJL api 0.38.0.
 */
class TorchScriptReaderTest {
    private static final Path FIXTURES = GoldenTensors.FIXTURES;

    @Test
    void clipVitImportsFullyFromTorchScriptAndMatchesTorch() throws IOException {
        ClipVitEncoder encoder = new ClipVitEncoder("vit-tiny", new VitShape(32, 8, 32, 2, 4, 16));
        ComputationGraph graph = EncoderOnlyGraph.of(encoder, DataType.FLOAT);
        StateDict dict = TorchScriptReader.read(FIXTURES.resolve("vit-tiny.pt"), "vit-tiny.pt");
        StateDictImporter.Report report = StateDictImporter.load(graph, encoder.stateDictLayout(), dict, "visual.");

        assertEquals(List.of(), report.unused());
        assertEquals(List.of("logit_scale"), report.skipped(), "CLIP's scalar temperature is not a weight");
        assertEquals(graph.numParams(), report.values(), "every encoder parameter comes from the archive");
        assertSameTensors(StateDict.read(FIXTURES.resolve("vit-tiny.npz")).tensors(), dict.tensors());
        GoldenTensors.assertMatchesTorch(graph, "vit-tiny");
    }

    @Test
    void resnetFromTorchScriptFailsNamingTheBatchNormStatisticsAndTheNpzExport() throws IOException {
        ResNet18Encoder encoder = new ResNet18Encoder(32, 8);
        ComputationGraph graph = EncoderOnlyGraph.of(encoder, DataType.FLOAT);
        INDArray before = graph.params().dup();
        StateDict dict = TorchScriptReader.read(FIXTURES.resolve("resnet18-tiny.pt"), "resnet18-tiny.pt");
        // what DJL does give (convolutions, batch-norm affines, fc) is the state dict's
        Map<String, INDArray> npz = StateDict.read(FIXTURES.resolve("resnet18-tiny.npz")).tensors();
        assertEquals(62, dict.tensors().size());
        assertTrue(npz.keySet().containsAll(dict.tensors().keySet()), dict.tensors().keySet().toString());
        Map<String, INDArray> same = new LinkedHashMap<>();
        dict.tensors().keySet().forEach(k -> same.put(k, npz.get(k)));
        assertSameTensors(same, dict.tensors());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateDictImporter.load(graph, encoder.stateDictLayout(), dict, ""));
        String m = e.getMessage();
        System.out.println("resnet18 from TorchScript: " + m);
        assertTrue(m.startsWith("cannot import resnet18-tiny.pt into the encoder: 40 problem(s):"), m);
        assertTrue(m.contains("bn1.running_mean: not readable from this file"), m);
        assertTrue(m.contains("layer1.0.bn1.running_var: not readable from this file"), m);
        assertTrue(m.contains("40 key(s) not readable: a TorchScript archive gives DJL its parameters but not its buffers "
                + "(batch-norm running_mean and running_var)"), m);
        assertTrue(m.contains("torch.jit.load('resnet18-tiny.pt', map_location='cpu'); numpy.savez('resnet18-tiny.npz', "
                + "**{k: v.float().numpy() for k, v in m.state_dict().items()})"), m);
        assertEquals(before, graph.params(), "a failed import leaves the graph as it was");
    }

    @Test
    void aForgottenPrefixReportsMissingKeysWithoutTheBufferAdvice() throws IOException {
        ClipVitEncoder encoder = new ClipVitEncoder("vit-tiny", new VitShape(32, 8, 32, 2, 4, 16));
        ComputationGraph graph = EncoderOnlyGraph.of(encoder, DataType.FLOAT);
        StateDict dict = TorchScriptReader.read(FIXTURES.resolve("vit-tiny.pt"), "ViT-B-16.pt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateDictImporter.load(graph, encoder.stateDictLayout(), dict, ""));
        assertTrue(e.getMessage().contains("conv1.weight: missing from the file"), e.getMessage());
        assertTrue(!e.getMessage().contains("not readable"), e.getMessage());
    }

    @Test
    void halfDoubleAndStridedParametersArriveAsFloat32InTorchOrder() throws IOException {
        StateDict dict = TorchScriptReader.read(FIXTURES.resolve("tensor-kinds.pt"), "tensor-kinds.pt");
        Map<String, INDArray> expected = StateDict.read(FIXTURES.resolve("tensor-kinds-expected.npz")).tensors();

        assertEquals(List.of("w_half", "w_double", "strided"), List.copyOf(dict.tensors().keySet()));
        assertSameTensors(expected, dict.tensors());
        dict.tensors().values().forEach(t -> assertEquals(DataType.FLOAT, t.dataType()));
        assertEquals(List.of("scale", "steps"), dict.skipped(), "the scalar and the integer parameter");
    }

    @Test
    void anyFileNameLoads(@TempDir Path dir) throws IOException {
        // EncoderWeights reads a remote file from a temporary copy; DJL must not insist on "model.pt"
        for (String name : List.of("vlfer-weights-123.jit", "ViT-B-16.ts", "weights")) {
            Path copy = Files.copy(FIXTURES.resolve("vit-tiny.pt"), dir.resolve(name));
            assertEquals(32, TorchScriptReader.read(copy, name).tensors().size(), name);
        }
    }

    @Test
    void withoutThePyTorchEngineTheErrorNamesTheProfile() {
        IOException e = assertThrows(IOException.class,
                () -> TorchScriptReader.read(FIXTURES.resolve("vit-tiny.pt"), "s3a://models/ViT-B-16.pt", "NoSuchEngine"));
        assertTrue(e.getMessage().startsWith("reading the TorchScript archive s3a://models/ViT-B-16.pt needs DJL's "
                + "NoSuchEngine engine, which this build leaves out"), e.getMessage());
        assertTrue(e.getMessage().contains("build with the Maven profile 'torchscript' (mvn -Ptorchscript ..., or "
                + "-Pdist,torchscript for the spark-submit jar)"), e.getMessage());
        assertTrue(e.getMessage().contains("torch.jit.load('ViT-B-16.pt', map_location='cpu'); numpy.savez('ViT-B-16.npz'"),
                e.getMessage());
    }

    @Test
    void aTorchSaveCheckpointIsToldApartFromTorchScript(@TempDir Path dir) throws IOException {
        Path pth = dir.resolve("resnet18.pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(pth))) {
            for (String entry : List.of("archive/data.pkl", "archive/data/0", "archive/version")) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(1);
            }
        }
        IOException e = assertThrows(IOException.class, () -> TorchScriptReader.read(pth, pth.toString()));
        assertTrue(e.getMessage().contains("resnet18.pth is a torch.save() checkpoint (pickled tensors, no TorchScript "
                + "code), not a TorchScript archive"), e.getMessage());
        assertTrue(e.getMessage().contains("torch.load('resnet18.pth', map_location='cpu')"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAZipIsNotTorchScript(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("weights.pt");
        try (OutputStream out = Files.newOutputStream(bad)) {
            out.write("not a zip".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        IOException e = assertThrows(IOException.class, () -> TorchScriptReader.read(bad, "weights.pt"));
        assertTrue(e.getMessage().startsWith("weights.pt is not a TorchScript archive (not a zip file"), e.getMessage());
    }

    /** Same keys, shapes and float32 values (the .pt and .npz fixtures hold the same float32 weights). */
    private static void assertSameTensors(Map<String, INDArray> expected, Map<String, INDArray> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (Map.Entry<String, INDArray> e : expected.entrySet()) {
            INDArray a = actual.get(e.getKey());
            assertArrayEquals(e.getValue().shape(), a.shape(), e.getKey());
            assertEquals(0.0, e.getValue().castTo(DataType.DOUBLE).sub(a.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(),
                    e.getKey());
        }
    }
}
