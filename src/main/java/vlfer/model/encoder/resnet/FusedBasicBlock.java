package vlfer.model.encoder.resnet;

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
import vlfer.model.encoder.onednn.FusedParams;
import vlfer.model.encoder.onednn.ParamSpec;

/**
 * One whole ResNet basic block as a single DL4J layer run by oneDNN directly
 * ({@link BasicBlockPlan}): the same convolutions, batch norms, ReLUs and shortcut as the block
 * built from DL4J layers, with DL4J's batch-norm conventions (running statistics as parameters
 * that the layer moves through a no-op updater, no weight decay on batch-norm parameters). Two
 * fused blocks in a row pass their maps in oneDNN's blocked layout ({@code blockedInput},
 * {@code blockedOutput}): the arrays between them have NCHW's shape but not its order.
 */
public class FusedBasicBlock extends BaseLayer implements FusedParams.Specified {
    private int in;
    private int out;
    private int height;
    private int width;
    private int stride;
    private double eps;
    private double decay;
    private boolean blockedInput;
    private boolean blockedOutput;

    /** For the configuration's JSON. */
    public FusedBasicBlock() {
        setBiasInit(Double.NaN);
        setGainInit(Double.NaN);
    }

    public FusedBasicBlock(BasicBlockShape shape, boolean blockedInput, boolean blockedOutput) {
        this();
        this.in = shape.in();
        this.out = shape.out();
        this.height = shape.height();
        this.width = shape.width();
        this.stride = shape.stride();
        this.eps = shape.eps();
        this.decay = shape.decay();
        this.blockedInput = blockedInput;
        this.blockedOutput = blockedOutput;
    }

    public BasicBlockShape shape() {
        return new BasicBlockShape(in, out, height, width, stride, eps, decay);
    }

    @Override
    public List<ParamSpec> paramSpecs() {
        return shape().params();
    }

    private ParamSpec.Role role(String paramName) {
        return paramSpecs().stream().filter(p -> p.key().equals(paramName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("layer " + getLayerName() + " has no parameter " + paramName))
                .role();
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                         int index, INDArray paramsView, boolean initializeParams,
                                                         DataType dataType) {
        if (dataType != DataType.FLOAT) {
            throw new IllegalArgumentException("layer " + getLayerName() + ": the fused basic block runs in float32, not " + dataType);
        }
        return LayerWiring.wire(new FusedBasicBlockLayer(conf, dataType), conf, initializer(), listeners, index, paramsView,
                initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return FusedParams.INSTANCE;
    }

    /** Running statistics take no optimiser step: the layer hands them old minus new. */
    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return role(paramName) == ParamSpec.Role.STATISTIC ? new NoOp() : iUpdater;
    }

    /** Weight decay on the convolution weights only, as DL4J's batch norm has none. */
    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return role(paramName) == ParamSpec.Role.WEIGHT ? regularization : null;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        check(inputType);
        BasicBlockShape s = shape();
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
        return new LayerMemoryReport.Builder(getLayerName(), FusedBasicBlock.class, inputType, output)
                .standardMemory(initializer().numParams(this), 0)
                // oneDNN's own buffers: about twelve maps of the output's size per example
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

    public int getStride() {
        return stride;
    }

    public void setStride(int stride) {
        this.stride = stride;
    }

    public double getEps() {
        return eps;
    }

    public void setEps(double eps) {
        this.eps = eps;
    }

    public double getDecay() {
        return decay;
    }

    public void setDecay(double decay) {
        this.decay = decay;
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
        return o instanceof FusedBasicBlock f && super.equals(o) && shape().equals(f.shape()) && blockedInput == f.blockedInput
                && blockedOutput == f.blockedOutput;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + shape().hashCode() + (blockedInput ? 2 : 0) + (blockedOutput ? 4 : 0);
    }
}
