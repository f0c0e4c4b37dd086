package vlfer.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.interop.npz.StateDict;

/**
 * The golden tensors of src/test/python/golden_tensors.py (Debian's torch 1.13, float64 forward):
 * tiny random-weight models as .npz state dicts and TorchScript archives, with an input batch and
 * torch's output for each.
 */
public final class GoldenTensors {
    public static final Path FIXTURES = Path.of("src/test/resources/vlfer/interop/npz");

    private GoldenTensors() {
    }

    /** The graph's output on the fixture's input is torch's within 1e-4; returns the max difference. */
    public static double assertMatchesTorch(ComputationGraph graph, String fixture) throws IOException {
        INDArray input = StateDict.readArray(FIXTURES.resolve(fixture + "-input.npy"));
        INDArray expected = StateDict.readArray(FIXTURES.resolve(fixture + "-output.npy"));
        INDArray actual = graph.outputSingle(false, input);
        assertArrayEquals(expected.shape(), actual.shape());
        double maxDiff = actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        System.out.printf("golden %s: max |DL4J - torch| = %.2e over %d values%n", fixture, maxDiff, expected.length());
        assertTrue(maxDiff < 1e-4, fixture + ": max |DL4J - torch| = " + maxDiff);
        assertTrue(expected.amaxNumber().doubleValue() > 0.1, "the fixture is not trivially small");
        return maxDiff;
    }
}
