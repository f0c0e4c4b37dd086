package vlfer.model.encoder.resnet;

import static org.bytedeco.dnnl.global.dnnl.dnnl_aBcd16b;
import static org.bytedeco.dnnl.global.dnnl.dnnl_abcd;

import java.util.Map;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.nd4j.linalg.api.ndarray.INDArray;
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
import vlfer.model.encoder.onednn.MaxPool;
import vlfer.model.encoder.onednn.Relu;

/**
 * ResNet's stem for one batch size as oneDNN primitives: out = maxpool(relu(bn1(conv1(x)))), the
 * image read in NCHW, the output handed on in NCHW or (to a fused block) in the blocked layout.
 */
final class StemPlan extends PlanResources implements BlockPlan {
    private final StemShape shape;
    private final DnnlStream stream;
    private final Convolution conv;
    private final BatchNorm bn;
    private final Relu relu;
    private final MaxPool pool;
    private final Conversion imageIn;
    private final Conversion imageGradientOut;
    private final Conversion outputOut;
    private final Conversion gradientIn;
    private final DnnlMemory userIn;
    private final DnnlMemory userOut;
    private final DnnlMemory userGradient;
    private final DnnlMemory userInputGradient;
    private final DnnlMemory c;
    private final DnnlMemory y;
    private final DnnlMemory g1;
    private final DnnlMemory g2;

    StemPlan(StemShape shape, int batch, boolean inputGradient, boolean blockedOutput) {
        this.shape = shape;
        int o = shape.out();
        long[] image = {batch, StemShape.IN, shape.height(), shape.width()};
        dnnl_memory_desc_t conv1 = Dnnl.tagged(new long[]{batch, o, shape.convHeight(), shape.convWidth()}, dnnl_aBcd16b);
        long[] outDims = {batch, o, shape.outHeight(), shape.outWidth()};
        dnnl_memory_desc_t outLayout = Dnnl.tagged(outDims, blockedOutput ? dnnl_aBcd16b : dnnl_abcd);
        stream = own(new DnnlStream());
        conv = own(new Convolution(new ConvShape(batch, StemShape.IN, o, 1, 7, 2, shape.height(), shape.width(), 3), false,
                After.NONE, Dnnl.any(image), conv1, inputGradient));
        bn = own(new BatchNorm(conv1, o, shape.eps()));
        relu = own(new Relu(conv1));
        dnnl_memory_desc_t pooled = Dnnl.tagged(outDims, dnnl_aBcd16b);
        pool = own(new MaxPool(new ConvShape(batch, o, o, o, 3, 2, shape.convHeight(), shape.convWidth(), 1), conv1, pooled));
        userIn = own(DnnlMemory.window(Dnnl.tagged(image, dnnl_abcd)));
        userInputGradient = own(DnnlMemory.window(Dnnl.tagged(image, dnnl_abcd)));
        userOut = own(DnnlMemory.window(outLayout));
        userGradient = own(DnnlMemory.window(outLayout));
        imageIn = own(Conversion.forInput(userIn.desc(), conv.srcLayout()));
        imageGradientOut = own(Conversion.forOutput(conv.srcLayout(), userInputGradient.desc()));
        outputOut = own(Conversion.forOutput(pooled, outLayout));
        gradientIn = own(Conversion.forInput(outLayout, pooled));
        c = own(DnnlMemory.allocate(conv1));
        y = own(DnnlMemory.allocate(conv1));
        g1 = own(DnnlMemory.allocate(conv1));
        g2 = own(DnnlMemory.allocate(conv1));
    }

    @Override
    public void forward(INDArray x, INDArray out, Map<String, INDArray> p, boolean training) {
        conv.forward(stream, imageIn.input(stream, userIn.bind(x)), c, p.get("conv1.W"), null);
        if (training) {
            bn.forwardTraining(stream, c, y, p.get("bn1.gamma"), p.get("bn1.beta"));
        } else {
            bn.forwardInference(stream, c, y, p.get("bn1.gamma"), p.get("bn1.beta"), p.get("bn1.mean"), p.get("bn1.var"));
        }
        relu.forward(stream, y, y);
        DnnlMemory target = userOut.bind(out);
        pool.forward(stream, y, outputOut.target(target));
        outputOut.deliver(stream, target);
        stream.await();
    }

    @Override
    public void backward(INDArray x, INDArray out, INDArray outputGradient, INDArray inputGradient, Map<String, INDArray> p,
                         Map<String, INDArray> g) {
        pool.backward(stream, gradientIn.input(stream, userGradient.bind(outputGradient)), g1);
        relu.backward(stream, y, g1, g2);
        bn.backward(stream, c, g2, g1, p.get("bn1.gamma"), p.get("bn1.beta"), g.get("bn1.gamma"), g.get("bn1.beta"));
        conv.weightGradient(stream, imageIn.input(stream, userIn.bind(x)), g1, g.get("conv1.W"), null);
        if (inputGradient != null) {
            DnnlMemory target = userInputGradient.bind(inputGradient);
            conv.inputGradient(stream, g1, imageGradientOut.target(target), p.get("conv1.W"));
            imageGradientOut.deliver(stream, target);
        }
        stream.await();
        double keep = 1 - shape.decay();
        g.get("bn1.mean").assign(p.get("bn1.mean").sub(bn.batchMean()).muli(keep));
        g.get("bn1.var").assign(p.get("bn1.var").sub(bn.batchVariance()).muli(keep));
    }
}
