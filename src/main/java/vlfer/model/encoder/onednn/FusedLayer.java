package vlfer.model.encoder.onednn;

import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.regularization.Regularization;
import vlfer.model.encoder.layers.LayerWiring;

/**
 * The configuration of a layer that runs a whole block of an encoder through oneDNN directly
 * ({@link BlockPlan}): maps of {@code in x height x width} in, {@code out x outHeight x
 * outWidth} out, parameters listed as {@link ParamSpec}s. Weight decay applies to weights only;
 * running statistics take a no-op updater (the layer hands them old minus new, DL4J's batch-norm
 * convention). {@code inputGradient = false} skips the input's gradient (a block that reads the
 * image). Two fused layers in a row pass their maps and gradients in oneDNN's blocked layout
 * ({@code blockedInput}, {@code blockedOutput}): the arrays between them have NCHW's shape but not
 * its order, and only the next fused layer reads them.
 */
public abstract class FusedLayer extends BaseLayer implements FusedParams.Specified {
    private int in;
    private int out;
    private int height;
    private int width;
    private boolean inputGradient = true;
    private boolean blockedInput;
    private boolean blockedOutput;

    protected FusedLayer() {
        setBiasInit(Double.NaN);
        setGainInit(Double.NaN);
    }

    protected FusedLayer(int in, int out, int height, int width, boolean inputGradient, boolean blockedInput,
                         boolean blockedOutput) {
        this();
        this.in = in;
        this.out = out;
        this.height = height;
        this.width = width;
        this.inputGradient = inputGradient;
        this.blockedInput = blockedInput;
        this.blockedOutput = blockedOutput;
    }

    /** The layer's shape, from its fields. */
    public abstract BlockShape shape();

    public int outChannels() {
        return shape().outChannels();
    }

    public int outHeight() {
        return shape().outHeight();
    }

    public int outWidth() {
        return shape().outWidth();
    }

    @Override
    public List<ParamSpec> paramSpecs() {
        return shape().params();
    }

    /** A plan for batches of {@code batch}. */
    public abstract BlockPlan plan(int batch);

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                         int index, INDArray paramsView, boolean initializeParams,
                                                         DataType dataType) {
        if (dataType != DataType.FLOAT) {
            throw new IllegalArgumentException("layer " + getLayerName() + " runs in float32 (oneDNN), not " + dataType);
        }
        return LayerWiring.wire(new FusedLayerRuntime(conf, dataType), conf, initializer(), listeners, index, paramsView,
                initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return FusedParams.INSTANCE;
    }

    private ParamSpec.Role role(String paramName) {
        return paramSpecs().stream().filter(p -> p.key().equals(paramName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("layer " + getLayerName() + " has no parameter " + paramName))
                .role();
    }

    /** Running statistics take no optimiser step: the layer hands them old minus new. */
    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        ParamSpec.Role role = role(paramName);
        return role == ParamSpec.Role.STATISTIC ? new NoOp() : role == ParamSpec.Role.BIAS && biasUpdater != null ? biasUpdater : iUpdater;
    }

    /** Weight decay on weights (and biases as DL4J configures them); none on batch-norm parameters. */
    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return switch (role(paramName)) {
            case WEIGHT -> regularization;
            case BIAS -> regularizationBias;
            default -> null;
        };
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        check(inputType);
        return InputType.convolutional(outHeight(), outWidth(), outChannels());
    }

    private void check(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c) || c.getChannels() != in || c.getHeight() != height
                || c.getWidth() != width) {
            throw new IllegalArgumentException("layer " + getLayerName() + " takes " + in + "x" + height + "x" + width
                    + " (channels x height x width) maps, got " + inputType);
        }
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        check(inputType);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType output = getOutputType(-1, inputType);
        long perExample = output.arrayElementsPerExample();
        return new LayerMemoryReport.Builder(getLayerName(), getClass(), inputType, output)
                .standardMemory(initializer().numParams(this), 0)
                // oneDNN's own buffers: about a dozen maps of the output's size per example
                .workingMemory(0, 0, 12 * perExample, 12 * perExample)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    // bean accessors: DL4J's JSON goes through getters and setters

    public int getIn() {
        return in;
    }

    public void setIn(int in) {
        this.in = in;
    }

    public int getOut() {
        return out;
    }

    public void setOut(int out) {
        this.out = out;
    }

    public int getHeight() {
        return height;
    }

    public void setHeight(int height) {
        this.height = height;
    }

    public int getWidth() {
        return width;
    }

    public void setWidth(int width) {
        this.width = width;
    }

    public boolean isInputGradient() {
        return inputGradient;
    }

    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    public boolean isBlockedInput() {
        return blockedInput;
    }

    public void setBlockedInput(boolean blockedInput) {
        this.blockedInput = blockedInput;
    }

    public boolean isBlockedOutput() {
        return blockedOutput;
    }

    public void setBlockedOutput(boolean blockedOutput) {
        this.blockedOutput = blockedOutput;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FusedLayer f && o.getClass() == getClass() && super.equals(o) && in == f.in && out == f.out && height == f.height
                && width == f.width && inputGradient == f.inputGradient && blockedInput == f.blockedInput
                && blockedOutput == f.blockedOutput;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + java.util.Objects.hash(in, out, height, width, inputGradient, blockedInput, blockedOutput);
    }
}
