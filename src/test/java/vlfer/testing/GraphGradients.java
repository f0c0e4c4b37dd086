package vlfer.testing;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference gradient checks of whole graphs: {@code @ExtendWith(GraphGradients.class)} runs a
 * test class in double precision (ND4J's default restored afterwards), and {@link #match} is DL4J's
 * check of every parameter with the project's tolerances.
 */
public final class GraphGradients implements BeforeAllCallback, AfterAllCallback {
    private DataType previous;

    @Override
    public void beforeAll(ExtensionContext context) {
        previous = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Nd4j.setDefaultDataTypes(previous, previous);
    }

    /** True when every parameter's gradient is within relative error 1e-3 of central differences (step 1e-6). */
    public static boolean match(ComputationGraph graph, INDArray input, INDArray labels, double minAbsoluteError) {
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {input}).labels(new INDArray[] {labels})
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(minAbsoluteError)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
    }
}
