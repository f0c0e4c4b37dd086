package vlfer.model.encoder.resnet;

import static org.bytedeco.dnnl.global.dnnl.dnnl_aBcd16b;
import static org.bytedeco.dnnl.global.dnnl.dnnl_abcd;

import java.util.Map;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.nd4j.linalg.api.ndarray.INDArray;
import vlfer.model.encoder.onednn.Addition;
import vlfer.model.encoder.onednn.BatchNorm;
import vlfer.model.encoder.onednn.BlockPlan;
import vlfer.model.encoder.onednn.ConvShape;
import vlfer.model.encoder.onednn.Conversion;
import vlfer.model.encoder.onednn.Convolution;
import vlfer.model.encoder.onednn.Convolution.After;
import vlfer.model.encoder.onednn.Dnnl;
import vlfer.model.encoder.onednn.DnnlMemory;
import vlfer.model.encoder.onednn.DnnlStream;
import vlfer.model.encoder.onednn.PlanResources;
import vlfer.model.encoder.onednn.Relu;

/**
 * One basic block's forward (training or inference) and backward pass for one batch size, as
 * oneDNN primitives built once, over tensors kept in the 16-channel-blocked layout. The block's
 * input, output and their gradients cross to DL4J in NCHW, or blocked between two fused blocks.
 *
 * <p>Forward: a1 = relu(bn1(conv1(x))); y = bn2(conv2(a1)) + shortcut(x); out = relu(y), with
 * shortcut = bn(conv1x1(x)) or x. Backward: g = relu'(out) * g_out reaches bn2 and the shortcut;
 * the input gradient is conv1's input gradient plus the shortcut's.
 */
final class BasicBlockPlan extends PlanResources implements BlockPlan {
    private final BasicBlockShape shape;
    private final DnnlStream stream;
    private final Convolution conv1;
    private final Convolution conv2;
    private final Convolution convDown;
    private final BatchNorm bn1;
    private final BatchNorm bn2;
    private final BatchNorm bnDown;
    private final Relu relu;
    private final Addition add;
    private final Addition addInput;
    private final Conversion inputIn;
    private final Conversion outputOut;
    private final Conversion gradientIn;
    private final Conversion inputGradientOut;
    private final DnnlMemory userIn;
    private final DnnlMemory userOut;
    private final DnnlMemory userGradient;
    private final DnnlMemory userInputGradient;
    private final DnnlMemory c1;
    private final DnnlMemory a1;
    private final DnnlMemory c2;
    private final DnnlMemory y;
    private final DnnlMemory cd;
    private final DnnlMemory yd;
    private final DnnlMemory g1;
    private final DnnlMemory g2;
    private final DnnlMemory g3;
    private final DnnlMemory gd;
    private final DnnlMemory gx;
    private DnnlMemory xb;
    private DnnlMemory out;

    BasicBlockPlan(BasicBlockShape shape, int batch, boolean blockedInput, boolean blockedOutput) {
        this.shape = shape;
        int in = shape.in();
        int o = shape.out();
        int h = shape.height();
        int w = shape.width();
        int h2 = shape.outHeight();
        int w2 = shape.outWidth();
        dnnl_memory_desc_t blockIn = Dnnl.tagged(new long[]{batch, in, h, w}, dnnl_aBcd16b);
        dnnl_memory_desc_t block = Dnnl.tagged(new long[]{batch, o, h2, w2}, dnnl_aBcd16b);
        dnnl_memory_desc_t inLayout = blockedInput ? blockIn : Dnnl.tagged(new long[]{batch, in, h, w}, dnnl_abcd);
        dnnl_memory_desc_t outLayout = blockedOutput ? block : Dnnl.tagged(new long[]{batch, o, h2, w2}, dnnl_abcd);
        stream = own(new DnnlStream());
        conv1 = own(new Convolution(new ConvShape(batch, in, o, 1, 3, shape.stride(), h, w, 1), false, After.NONE, blockIn, block,
                true));
        conv2 = own(new Convolution(new ConvShape(batch, o, o, 1, 3, 1, h2, w2, 1), false, After.NONE, block, block, true));
        bn1 = own(new BatchNorm(block, o, shape.eps()));
        bn2 = own(new BatchNorm(block, o, shape.eps()));
        relu = own(new Relu(block));
        add = own(new Addition(block));
        // the input gradient's sum has the input's shape: the output's only without a downsample
        addInput = shape.downsample() ? own(new Addition(blockIn)) : add;
        userIn = own(DnnlMemory.window(inLayout));
        userOut = own(DnnlMemory.window(outLayout));
        userGradient = own(DnnlMemory.window(outLayout));
        userInputGradient = own(DnnlMemory.window(inLayout));
        inputIn = own(Conversion.forInput(inLayout, blockIn));
        outputOut = own(Conversion.forOutput(block, outLayout));
        gradientIn = own(Conversion.forInput(outLayout, block));
        inputGradientOut = own(Conversion.forOutput(blockIn, inLayout));
        c1 = own(DnnlMemory.allocate(block));
        a1 = own(DnnlMemory.allocate(block));
        c2 = own(DnnlMemory.allocate(block));
        y = own(DnnlMemory.allocate(block));
        g1 = own(DnnlMemory.allocate(block));
        g2 = own(DnnlMemory.allocate(block));
        g3 = own(DnnlMemory.allocate(block));
        if (shape.downsample()) {
            convDown = own(new Convolution(new ConvShape(batch, in, o, 1, 1, shape.stride(), h, w, 0), false, After.NONE, blockIn,
                    block, true));
            bnDown = own(new BatchNorm(block, o, shape.eps()));
            cd = own(DnnlMemory.allocate(block));
            yd = own(DnnlMemory.allocate(block));
            gd = own(DnnlMemory.allocate(block));
            gx = own(DnnlMemory.allocate(blockIn));
        } else {
            convDown = null;
            bnDown = null;
            cd = null;
            yd = null;
            gd = null;
            gx = null;
        }
    }

    @Override
    public void forward(INDArray x, INDArray output, Map<String, INDArray> p, boolean training) {
        xb = inputIn.input(stream, userIn.bind(x));
        DnnlMemory target = userOut.bind(output);
        out = outputOut.target(target);
        conv1.forward(stream, xb, c1, p.get("conv1.W"), null);
        norm(bn1, "bn1", c1, a1, p, training);
        relu.forward(stream, a1, a1);
        conv2.forward(stream, a1, c2, p.get("conv2.W"), null);
        norm(bn2, "bn2", c2, y, p, training);
        if (shape.downsample()) {
            convDown.forward(stream, xb, cd, p.get("downsample.0.W"), null);
            norm(bnDown, "downsample.1", cd, yd, p, training);
            add.addTo(stream, y, yd);
        } else {
            add.addTo(stream, y, xb);
        }
        relu.forward(stream, y, out);
        outputOut.deliver(stream, target);
        stream.await();
    }

    private void norm(BatchNorm bn, String name, DnnlMemory src, DnnlMemory dst, Map<String, INDArray> p, boolean training) {
        if (training) {
            bn.forwardTraining(stream, src, dst, p.get(name + ".gamma"), p.get(name + ".beta"));
        } else {
            bn.forwardInference(stream, src, dst, p.get(name + ".gamma"), p.get(name + ".beta"), p.get(name + ".mean"),
                    p.get(name + ".var"));
        }
    }

    /** The running statistics' "gradient" is old minus new, as DL4J's batch norm gives it to a no-op updater. */
    @Override
    public void backward(INDArray x, INDArray output, INDArray outputGradient, INDArray inputGradient, Map<String, INDArray> p,
                  Map<String, INDArray> g) {
        xb = inputIn.input(stream, userIn.bind(x));
        out = outputOut.target(userOut.bind(output));
        relu.backward(stream, out, gradientIn.input(stream, userGradient.bind(outputGradient)), g1);
        normBackward(bn2, "bn2", c2, g1, g2, p, g);
        conv2.weightGradient(stream, a1, g2, g.get("conv2.W"), null);
        conv2.inputGradient(stream, g2, g3, p.get("conv2.W"));
        relu.backward(stream, a1, g3, g2);
        normBackward(bn1, "bn1", c1, g2, g3, p, g);
        conv1.weightGradient(stream, xb, g3, g.get("conv1.W"), null);
        if (shape.downsample()) {
            normBackward(bnDown, "downsample.1", cd, g1, gd, p, g);
            convDown.weightGradient(stream, xb, gd, g.get("downsample.0.W"), null);
        }
        if (inputGradient != null) {
            DnnlMemory target = userInputGradient.bind(inputGradient);
            DnnlMemory inGrad = inputGradientOut.target(target);
            conv1.inputGradient(stream, g3, inGrad, p.get("conv1.W"));
            if (shape.downsample()) {
                convDown.inputGradient(stream, gd, gx, p.get("downsample.0.W"));
                addInput.addTo(stream, inGrad, gx);
            } else {
                add.addTo(stream, inGrad, g1);
            }
            inputGradientOut.deliver(stream, target);
        }
        stream.await();
        for (String name : shape.norms()) {
            BatchNorm bn = name.equals("bn1") ? bn1 : name.equals("bn2") ? bn2 : bnDown;
            double keep = 1 - shape.decay();
            g.get(name + ".mean").assign(p.get(name + ".mean").sub(bn.batchMean()).muli(keep));
            g.get(name + ".var").assign(p.get(name + ".var").sub(bn.batchVariance()).muli(keep));
        }
    }

    private void normBackward(BatchNorm bn, String name, DnnlMemory src, DnnlMemory diffDst, DnnlMemory diffSrc,
                              Map<String, INDArray> p, Map<String, INDArray> g) {
        bn.backward(stream, src, diffDst, diffSrc, p.get(name + ".gamma"), p.get(name + ".beta"), g.get(name + ".gamma"),
                g.get(name + ".beta"));
    }
}
