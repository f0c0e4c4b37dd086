package vlfer.model.encoder.faceapi;

import java.util.Collection;
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
import vlfer.model.encoder.layers.LayerWiring;
import vlfer.model.encoder.onednn.FusedParams;
import vlfer.model.encoder.onednn.ParamSpec;

/**
 * One whole face-api dense block as a single DL4J layer, run by oneDNN directly
 * ({@link DenseBlockPlan}): the same four convolutions, running sums and ReLUs as the block built
 * from DL4J layers, without converting tensors between NCHW and oneDNN's layout around every
 * convolution. CPU backend only ({@link vlfer.model.encoder.onednn.Dnnl#available}).
 * {@code inputGradient = false} skips the input's gradient (the block reads the image itself).
 * Two fused blocks in a row pass their maps (and gradients) in oneDNN's blocked layout: the
 * arrays between them have NCHW's shape but not its order, and only the next fused block reads them.
 */
public class FusedDenseBlock extends BaseLayer implements FusedParams.Specified {
    private int in;
    private int out;
    private int height;
    private int width;
    private boolean first;
    private boolean inputGradient;
    private boolean blockedInput;
    private boolean blockedOutput;

    /** For the configuration's JSON. */
    public FusedDenseBlock() {
        setBiasInit(Double.NaN);
        setGainInit(Double.NaN);
    }

    /**
     * {@code blockedInput}/{@code blockedOutput}: the input / output (and their gradients) are a
     * neighbouring fused block's, exchanged in oneDNN's blocked layout rather than NCHW.
     */
    public FusedDenseBlock(DenseBlockShape shape, boolean inputGradient, boolean blockedInput, boolean blockedOutput) {
        this();
        this.blockedInput = blockedInput;
        this.blockedOutput = blockedOutput;
        this.in = shape.in();
        this.out = shape.out();
        this.height = shape.height();
        this.width = shape.width();
        this.first = shape.first();
        this.inputGradient = inputGradient;
    }

    public DenseBlockShape shape() {
        return new DenseBlockShape(in, out, height, width, first);
    }

    public boolean inputGradient() {
        return inputGradient;
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

    public boolean isFirst() {
        return first;
    }

    public void setFirst(boolean first) {
        this.first = first;
    }

    public boolean isInputGradient() {
        return inputGradient;
    }

    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FusedDenseBlock f && super.equals(o) && shape().equals(f.shape()) && inputGradient == f.inputGradient
                && blockedInput == f.blockedInput && blockedOutput == f.blockedOutput;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + shape().hashCode() + (inputGradient ? 1 : 0) + (blockedInput ? 2 : 0) + (blockedOutput ? 4 : 0);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                         int index, INDArray paramsView, boolean initializeParams,
                                                         DataType dataType) {
        if (dataType != DataType.FLOAT) {
            throw new IllegalArgumentException("layer " + getLayerName() + ": the fused dense block runs in float32, not " + dataType);
        }
        return LayerWiring.wire(new FusedDenseBlockLayer(conf, dataType), conf, initializer(), listeners, index, paramsView,
                initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return FusedParams.INSTANCE;
    }

    @Override
    public java.util.List<ParamSpec> paramSpecs() {
        return shape().params();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        check(inputType);
        DenseBlockShape s = shape();
        return InputType.convolutional(s.outHeight(), s.outWidth(), s.out());
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
        return new LayerMemoryReport.Builder(getLayerName(), FusedDenseBlock.class, inputType, output)
                .standardMemory(initializer().numParams(this), 0)
                // oneDNN's own buffers: about fifteen maps of the output's size per example
                .workingMemory(0, 0, 15 * perExample, 15 * perExample)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }
}
