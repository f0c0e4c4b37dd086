package vlfer.model.cliper;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Token-space cliper's scores {@code s_ck = cos(v, u_ck) / tau} [B, C*K] from two inputs: the unit
 * image features [B, D] and the unit descriptor embeddings [C*K, D]. A plain DL4J vertex (see
 * {@link DescriptorScoresVertex}): DL4J 1.0.0-M2.1's SameDiffVertex is not safe under workspaces
 * (its backward pass read an axis argument from freed memory, and parameters turned NaN within
 * five steps at learning rate 0).
 */
public final class DescriptorScores extends GraphVertex {
    private long prompts;
    private double temperature;

    /** For JSON deserialisation. */
    private DescriptorScores() {
    }

    public DescriptorScores(long prompts, double temperature) {
        this.prompts = prompts;
        this.temperature = temperature;
    }

    @Override
    public DescriptorScores clone() {
        return new DescriptorScores(prompts, temperature);
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        return new DescriptorScoresVertex(graph, name, idx, temperature, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.feedForward(prompts);
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        InputType out = getOutputType(-1, inputTypes);
        return new LayerMemoryReport.Builder(null, DescriptorScores.class, inputTypes[0], out).standardMemory(0, 0)
                .workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DescriptorScores d && d.prompts == prompts && d.temperature == temperature;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(prompts, temperature);
    }

    public long getPrompts() {
        return prompts;
    }

    public void setPrompts(long prompts) {
        this.prompts = prompts;
    }

    public double getTemperature() {
        return temperature;
    }

    public void setTemperature(double temperature) {
        this.temperature = temperature;
    }
}
