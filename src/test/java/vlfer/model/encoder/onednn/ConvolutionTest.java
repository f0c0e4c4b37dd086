package vlfer.model.encoder.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_abcd;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Convolution} (oneDNN, float32, blocked or plain layouts) against convolution written out
 * in plain Java in double precision: forward, input gradient and weight gradient, for the
 * geometries the fused encoders use, those where the stride leaves pixels over included.
 */
class ConvolutionTest {
    @BeforeAll
    static void oneDnn() {
        assumeTrue(Dnnl.available(), "oneDNN runs here");
    }

    @ParameterizedTest(name = "{0}x{0} kernel, stride {1}, pad {2}, {3}x{3} input, {4} -> {5} channels, groups {6}")
    @CsvSource({
        "7, 2, 3, 20, 3, 16, 1",    // ResNet's stem (20 -> 10, 112 -> 56 alike)
        "3, 2, 1, 14, 16, 32, 1",   // a basic block's strided conv1 (14 -> 7)
        "1, 2, 0, 14, 16, 32, 1",   // its downsample
        "3, 1, 1, 7, 32, 32, 1",    // conv2
        "3, 2, -1, 8, 16, 16, 16",  // face-api's strided depthwise, "same" padding
        "1, 1, -1, 8, 16, 32, 1"})  // face-api's pointwise
    void matchesPlainJava(int k, int stride, int pad, int side, int in, int out, int groups) {
        int batch = 2;
        ConvShape s = new ConvShape(batch, in, out, groups, k, stride, side, side, pad);
        Random r = new Random(k * 31 + side);
        double[] x = random(r, (long) batch * in * side * side);
        double[] w = random(r, s.weightCount());
        int oh = s.outHeight();
        double[] gOut = random(r, (long) batch * out * oh * oh);
        int before = (int) s.padBefore()[0];

        // plain Java: y[n,o,i,j] = sum_c,a,b w[o,c,a,b] x[n,g(o)+c, i*stride-before+a, j*stride-before+b]
        int perGroupIn = in / groups;
        int perGroupOut = out / groups;
        double[] y = new double[gOut.length];
        double[] gx = new double[x.length];
        double[] gw = new double[w.length];
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < out; o++) {
                int g = o / perGroupOut;
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < oh; j++) {
                        int yi = ((n * out + o) * oh + i) * oh + j;
                        for (int c = 0; c < perGroupIn; c++) {
                            for (int a = 0; a < k; a++) {
                                for (int b = 0; b < k; b++) {
                                    int row = i * stride - before + a;
                                    int col = j * stride - before + b;
                                    if (row < 0 || col < 0 || row >= side || col >= side) {
                                        continue;
                                    }
                                    int xi = ((n * in + g * perGroupIn + c) * side + row) * side + col;
                                    int wi = ((o * perGroupIn + c) * k + a) * k + b;
                                    y[yi] += w[wi] * x[xi];
                                    gx[xi] += w[wi] * gOut[yi];
                                    gw[wi] += x[xi] * gOut[yi];
                                }
                            }
                        }
                    }
                }
            }
        }

        INDArray xa = Nd4j.create(x, new long[]{batch, in, side, side}, DataType.DOUBLE).castTo(DataType.FLOAT);
        INDArray wa = dl4jWeights(w, s);
        INDArray ya = Nd4j.create(DataType.FLOAT, batch, out, oh, oh);
        INDArray gOutA = Nd4j.create(gOut, new long[]{batch, out, oh, oh}, DataType.DOUBLE).castTo(DataType.FLOAT);
        INDArray gxa = Nd4j.create(DataType.FLOAT, batch, in, side, side);
        INDArray gwa = Nd4j.create(DataType.FLOAT, wa.shape());
        dnnlRun(s, xa, wa, ya, gOutA, gxa, gwa);
        assertClose(y, ya.castTo(DataType.DOUBLE).data().asDouble(), "output");
        assertClose(gx, gxa.castTo(DataType.DOUBLE).data().asDouble(), "input gradient");
        assertClose(gw, plainWeights(gwa, s), "weight gradient");
    }

    private static void dnnlRun(ConvShape s, INDArray x, INDArray w, INDArray y, INDArray gOut, INDArray gx, INDArray gw) {
        long[] src = {s.batch(), s.in(), s.height(), s.width()};
        long[] dst = {s.batch(), s.out(), s.outHeight(), s.outWidth()};
        try (DnnlStream stream = new DnnlStream();
             Convolution conv = new Convolution(s, false, Convolution.After.NONE, Dnnl.any(src), Dnnl.any(dst), true);
             DnnlMemory xu = DnnlMemory.window(Dnnl.tagged(src, dnnl_abcd));
             DnnlMemory yu = DnnlMemory.window(Dnnl.tagged(dst, dnnl_abcd));
             DnnlMemory gu = DnnlMemory.window(Dnnl.tagged(dst, dnnl_abcd));
             DnnlMemory gxu = DnnlMemory.window(Dnnl.tagged(src, dnnl_abcd));
             Conversion in = Conversion.forInput(xu.desc(), conv.srcLayout());
             Conversion out = Conversion.forOutput(conv.dstLayout(), yu.desc());
             Conversion gIn = Conversion.forInput(gu.desc(), conv.dstLayout());
             Conversion gxOut = Conversion.forOutput(conv.srcLayout(), gxu.desc())) {
            DnnlMemory xs = in.input(stream, xu.bind(x));
            yu.bind(y);
            conv.forward(stream, xs, out.target(yu), w, null);
            out.deliver(stream, yu);
            DnnlMemory g = gIn.input(stream, gu.bind(gOut));
            conv.weightGradient(stream, xs, g, gw, null);
            gxu.bind(gx);
            conv.inputGradient(stream, g, gxOut.target(gxu), w);
            gxOut.deliver(stream, gxu);
            stream.await();
        }
    }

    /** DL4J's layout of the weights [out, in/groups, k, k]: as is, or [k, k, in, 1] for a depthwise convolution. */
    private static INDArray dl4jWeights(double[] w, ConvShape s) {
        int k = s.kernel();
        INDArray plain = Nd4j.create(w, new long[]{s.out(), s.in() / s.groups(), k, k}, DataType.DOUBLE).castTo(DataType.FLOAT);
        return s.groups() == 1 ? plain : plain.reshape(s.out(), k, k).permute(1, 2, 0).reshape(k, k, s.out(), 1).dup('c');
    }

    private static double[] plainWeights(INDArray dl4j, ConvShape s) {
        int k = s.kernel();
        INDArray plain = s.groups() == 1 ? dl4j : dl4j.reshape(k, k, s.out()).permute(2, 0, 1).dup('c');
        return plain.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static double[] random(Random r, long n) {
        double[] a = new double[(int) n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        return a;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(diff <= 1e-5 * scale, what + ": max |difference| " + diff + " against a scale of " + scale);
    }
}
