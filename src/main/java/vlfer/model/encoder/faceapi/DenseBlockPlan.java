package vlfer.model.encoder.faceapi;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.dnnl_aBcd16b;
import static org.bytedeco.dnnl.global.dnnl.dnnl_abcd;

import java.util.Map;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.onednn.Addition;
import vlfer.model.encoder.onednn.BlockPlan;
import vlfer.model.encoder.onednn.ConvShape;
import vlfer.model.encoder.onednn.Conversion;
import vlfer.model.encoder.onednn.Convolution;
import vlfer.model.encoder.onednn.Convolution.After;
import vlfer.model.encoder.onednn.Dnnl;
import vlfer.model.encoder.onednn.DnnlMemory;
import vlfer.model.encoder.onednn.DnnlPrimitive;
import vlfer.model.encoder.onednn.DnnlStream;
import vlfer.model.encoder.onednn.PlanResources;
import vlfer.model.encoder.onednn.Relu;

/**
 * One dense block's forward and backward pass for one batch size, as oneDNN primitives built
 * once, over tensors kept in oneDNN's 16-channel-blocked layout from step to step. Only the
 * block's input, output and their gradients cross to DL4J's arrays: in NCHW, or, between two
 * fused blocks, in the blocked layout itself (the arrays' shape says NCHW; their bytes are blocked).
 *
 * <p>Forward: c0 = relu(conv0(x)); s = c0; for i = 1..3: s += pointwise_i(depthwise_i(r_{i-1}))
 * (r_0 = c0), r_i = relu(s). The output is r_3. Backward runs the same in reverse: the gradient
 * of each running sum s_i reaches every convolution output it adds up, so the gradient of c_j
 * is the sum over i >= j of the gradients at s_i, kept in one accumulator.
 */
final class DenseBlockPlan extends PlanResources implements BlockPlan {
    private final DenseBlockShape shape;
    private final int batch;
    private final DnnlStream stream;
    private final Convolution conv0;
    private final Convolution depthwise0;
    private final Convolution[] depthwise = new Convolution[DenseBlockShape.CONVS];
    private final Convolution[] pointwise = new Convolution[DenseBlockShape.CONVS];
    private final Relu relu;
    private final Addition add;
    private final DnnlPrimitive copy;
    private final Conversion outputOut;
    private final Conversion gradientIn;
    private final Conversion inputIn;
    private final Conversion inputGradientOut;
    private final Conversion firstInput;
    private final Conversion firstInputGradient;
    private final DnnlMemory userIn;
    private final DnnlMemory userOut;
    private final DnnlMemory userGradient;
    private final DnnlMemory userInputGradient;
    private DnnlMemory blockedIn;
    private final DnnlMemory d0;
    private final DnnlMemory c0;
    private final DnnlMemory sum;
    private final DnnlMemory[] d = new DnnlMemory[DenseBlockShape.CONVS];
    private final DnnlMemory[] r = new DnnlMemory[DenseBlockShape.CONVS];
    private final DnnlMemory gr;
    private final DnnlMemory gd;
    private final DnnlMemory acc;
    private final DnnlMemory tmp;
    private final DnnlMemory gd0;

    /**
     * {@code blockedIn}/{@code blockedOut}: the block's input (and its gradient) / output (and its
     * gradient) cross to DL4J in oneDNN's blocked layout, as they do between two fused blocks.
     */
    DenseBlockPlan(DenseBlockShape shape, int batch, boolean blockedInput, boolean blockedOutput) {
        this.shape = shape;
        this.batch = batch;
        int h = shape.height();
        int w = shape.width();
        int h2 = shape.outHeight();
        int w2 = shape.outWidth();
        int out = shape.out();
        int in = shape.in();
        int k = DenseBlockShape.KERNEL;
        dnnl_memory_desc_t block = blocked(out, h2, w2);
        stream = own(new DnnlStream());
        if (blockedInput && shape.first()) {
            throw new IllegalArgumentException("the first dense block reads the image, not blocked maps");
        }
        dnnl_memory_desc_t inLayout = blockedInput ? blocked(in, h, w) : user(in, h, w);
        dnnl_memory_desc_t outLayout = blockedOutput ? block : user(out, h2, w2);
        userIn = own(DnnlMemory.window(inLayout));
        userOut = own(DnnlMemory.window(outLayout));
        userGradient = own(DnnlMemory.window(outLayout));
        userInputGradient = own(DnnlMemory.window(inLayout));
        if (shape.first()) {
            conv0 = own(new Convolution(new ConvShape(batch, in, out, 1, k, 2, h, w, ConvShape.SAME), true, After.RELU,
                    Dnnl.any(dims(in, h, w)), block, true));
            firstInput = own(Conversion.forInput(userIn.desc(), conv0.srcLayout()));
            firstInputGradient = own(Conversion.forOutput(conv0.srcLayout(), userInputGradient.desc()));
            depthwise0 = null;
            inputIn = null;
            inputGradientOut = null;
            d0 = null;
            gd0 = null;
        } else {
            dnnl_memory_desc_t blockIn = blocked(in, h, w);
            dnnl_memory_desc_t half = blocked(in, h2, w2);
            depthwise0 = own(new Convolution(new ConvShape(batch, in, in, in, k, 2, h, w, ConvShape.SAME), false, After.NONE,
                    blockIn, half, true));
            conv0 = own(new Convolution(new ConvShape(batch, in, out, 1, 1, 1, h2, w2, ConvShape.SAME), true, After.RELU,
                    half, block, true));
            inputIn = own(Conversion.forInput(inLayout, blockIn));
            inputGradientOut = own(Conversion.forOutput(blockIn, inLayout));
            d0 = own(DnnlMemory.allocate(half));
            gd0 = own(DnnlMemory.allocate(half));
            firstInput = null;
            firstInputGradient = null;
        }
        outputOut = own(Conversion.forOutput(block, outLayout));
        for (int i = 1; i < DenseBlockShape.CONVS; i++) {
            depthwise[i] = own(new Convolution(new ConvShape(batch, out, out, out, k, 1, h2, w2, ConvShape.SAME), false,
                    After.NONE, block, block, true));
            pointwise[i] = own(new Convolution(new ConvShape(batch, out, out, 1, 1, 1, h2, w2, ConvShape.SAME), true,
                    After.ACCUMULATE, block, block, true));
            d[i] = own(DnnlMemory.allocate(block));
            // the last ReLU writes where the output goes (see forward)
            r[i] = i < DenseBlockShape.CONVS - 1 ? own(DnnlMemory.allocate(block)) : null;
        }
        relu = own(new Relu(block));
        add = own(new Addition(block));
        copy = own(DnnlPrimitive.reorder(block, block));
        gradientIn = own(Conversion.forInput(outLayout, block));
        c0 = own(DnnlMemory.allocate(block));
        sum = own(DnnlMemory.allocate(block));
        gr = own(DnnlMemory.allocate(block));
        gd = own(DnnlMemory.allocate(block));
        acc = own(DnnlMemory.allocate(block));
        tmp = own(DnnlMemory.allocate(block));
    }

    /** Writes the block's output for input {@code x} into {@code out} (training or not: the same). */
    @Override
    public void forward(INDArray x, INDArray out, Map<String, INDArray> params, boolean training) {
        DnnlMemory input = userIn.bind(x);
        if (shape.first()) {
            conv0.forward(stream, firstInput.input(stream, input), c0, params.get("conv0.W"), params.get("conv0.b"));
        } else {
            blockedIn = inputIn.input(stream, input);
            depthwise0.forward(stream, blockedIn, d0, params.get("conv0.depthwise.W"), null);
            conv0.forward(stream, d0, c0, params.get("conv0.W"), params.get("conv0.b"));
        }
        copy.run(stream, DNNL_ARG_FROM, c0, DNNL_ARG_TO, sum);
        DnnlMemory previous = c0;
        int last = DenseBlockShape.CONVS - 1;
        DnnlMemory output = userOut.bind(out);
        r[last] = outputOut.target(output);
        for (int i = 1; i < DenseBlockShape.CONVS; i++) {
            depthwise[i].forward(stream, previous, d[i], params.get("conv" + i + ".depthwise.W"), null);
            pointwise[i].forward(stream, d[i], sum, params.get("conv" + i + ".W"), params.get("conv" + i + ".b"));
            relu.forward(stream, sum, r[i]);
            previous = r[i];
        }
        outputOut.deliver(stream, output);
        stream.await();
    }

    @Override
    public void backward(INDArray x, INDArray out, INDArray outputGradient, INDArray inputGradient, Map<String, INDArray> params,
                  Map<String, INDArray> gradients) {
        int last = DenseBlockShape.CONVS - 1;
        r[last] = outputOut.target(userOut.bind(out));
        relu.backward(stream, r[last], gradientIn.input(stream, userGradient.bind(outputGradient)), acc);
        for (int i = last; i >= 1; i--) {
            String conv = "conv" + i;
            pointwise[i].weightGradient(stream, d[i], acc, gradients.get(conv + ".W"), gradients.get(conv + ".b"));
            pointwise[i].inputGradient(stream, acc, gd, params.get(conv + ".W"));
            DnnlMemory src = i == 1 ? c0 : r[i - 1];
            depthwise[i].weightGradient(stream, src, gd, gradients.get(conv + ".depthwise.W"), null);
            depthwise[i].inputGradient(stream, gd, gr, params.get(conv + ".depthwise.W"));
            if (i > 1) {
                relu.backward(stream, r[i - 1], gr, tmp);
                add.addTo(stream, acc, tmp);
            } else {
                add.addTo(stream, acc, gr);
            }
        }
        relu.backward(stream, c0, acc, tmp);
        if (shape.first()) {
            DnnlMemory input = firstInput.input(stream, userIn.bind(x));
            conv0.weightGradient(stream, input, tmp, gradients.get("conv0.W"), gradients.get("conv0.b"));
            if (inputGradient != null) {
                DnnlMemory target = userInputGradient.bind(inputGradient);
                conv0.inputGradient(stream, tmp, firstInputGradient.target(target), params.get("conv0.W"));
                firstInputGradient.deliver(stream, target);
            }
        } else {
            blockedIn = inputIn.input(stream, userIn.bind(x));
            conv0.weightGradient(stream, d0, tmp, gradients.get("conv0.W"), gradients.get("conv0.b"));
            conv0.inputGradient(stream, tmp, gd0, params.get("conv0.W"));
            depthwise0.weightGradient(stream, blockedIn, gd0, gradients.get("conv0.depthwise.W"), null);
            if (inputGradient != null) {
                DnnlMemory target = userInputGradient.bind(inputGradient);
                depthwise0.inputGradient(stream, gd0, inputGradientOut.target(target), params.get("conv0.depthwise.W"));
                inputGradientOut.deliver(stream, target);
            }
        }
        stream.await();
    }

    private long[] dims(int channels, int h, int w) {
        return new long[]{batch, channels, h, w};
    }

    private dnnl_memory_desc_t blocked(int channels, int h, int w) {
        return Dnnl.tagged(dims(channels, h, w), dnnl_aBcd16b);
    }

    private dnnl_memory_desc_t user(int channels, int h, int w) {
        return Dnnl.tagged(dims(channels, h, w), dnnl_abcd);
    }
}
