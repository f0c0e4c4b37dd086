package vlfer.model.encoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import vlfer.data.image.InputSpec;
import vlfer.model.NetworkFactory;
import vlfer.model.encoder.faceapi.DenseBlockShape;
import vlfer.model.encoder.faceapi.FusedDenseBlock;
import vlfer.model.encoder.faceapi.TfjsWeights;
import vlfer.model.encoder.layers.LeanConvolutionLayer;
import vlfer.model.encoder.layers.LeanDepthwiseConvolution2D;
import vlfer.model.encoder.layers.LeanReluLayer;
import vlfer.model.encoder.onednn.FusedNames;

/**
 * The pretrained face encoder of face-api's expression model (@vladmandic/face-api, MIT): 112x112
 * RGB, normalised as {@code (x - meanRgb) / 255}, four densely connected blocks of depthwise-
 * separable 3x3 convolutions (32, 64, 128, 256 channels, each block halving the size), average
 * pooling to a 256-d feature. The published 7-class head ({@link #addPublishedHead}) is a linear
 * layer with softmax over neutral, happy, sad, angry, fearful, disgusted, surprised.
 *
 * <p>Each dense block is either one {@link FusedDenseBlock} layer run by oneDNN directly ({@code
 * fused}, on the CPU backend: about 3x faster to train) or DL4J's own layers, one per convolution,
 * sum and ReLU. Both compute the same function from the same weights.
 */
public final class FaceApiEncoder implements EncoderArchitecture {
    public static final int INPUT = 112;
    public static final String RESOURCES = "vlfer/encoders/face-api";
    public static final String MODEL = "face_expression_model";
    public static final String HEAD = "faceapi.fc";
    public static final List<String> PUBLISHED_CLASSES =
            List.of("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised");
    private static final float[] MEAN_RGB = {122.782f / 255, 117.001f / 255, 104.298f / 255};
    private static final int[] WIDTHS = {32, 64, 128, 256};
    private static final String PREFIX = "faceapi.";
    private static final String DEPTHWISE = ".depthwise";
    private final boolean fused;

    /** The encoder from DL4J's own layers. */
    public FaceApiEncoder(int inputSize) {
        this(inputSize, false);
    }

    /** {@code fused}: each dense block one {@link FusedDenseBlock} (needs oneDNN, see {@code Dnnl.available()}). */
    public FaceApiEncoder(int inputSize, boolean fused) {
        this.fused = fused;
        if (inputSize != INPUT) {
            throw new IllegalArgumentException("the face-api encoder takes " + INPUT + "x" + INPUT + " faces "
                    + "(vlfer.model.input-size = 0 or " + INPUT + "), got " + inputSize);
        }
    }

    @Override
    public EncoderMetadata metadata() {
        return new EncoderMetadata("face-api", new InputSpec(INPUT, INPUT, MEAN_RGB, new float[]{1, 1, 1}), 3, WIDTHS[3]);
    }

    @Override
    public String addTo(ComputationGraphConfiguration.GraphBuilder g, String input) {
        String prev = input;
        int in = 3;
        int side = INPUT;
        for (int b = 0; b < WIDTHS.length; b++) {
            if (fused) {
                // the image needs no gradient; a vertex before the encoder (video frames) does
                // blocks 1..3 read their predecessor's maps in oneDNN's blocked layout; block 3's output
                // goes to the pooling layer in NCHW
                g.addLayer(PREFIX + "dense" + b, new FusedDenseBlock(new DenseBlockShape(in, WIDTHS[b], side, side, b == 0),
                        b > 0 || !input.equals(NetworkFactory.INPUT), b > 0, b < WIDTHS.length - 1), prev);
                prev = PREFIX + "dense" + b;
            } else {
                prev = denseBlock(g, "dense" + b, prev, in, WIDTHS[b], b == 0);
            }
            in = WIDTHS[b];
            side = (side + 1) / 2;
        }
        g.addLayer(PREFIX + "pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), prev);
        return PREFIX + "pool";
    }

    /** out1 = relu(conv0), then three separable convs each fed the ReLU of the sum of all before it. */
    private static String denseBlock(ComputationGraphConfiguration.GraphBuilder g, String block, String input, int in, int out,
                                     boolean first) {
        String p = PREFIX + block + ".";
        if (first) {
            g.addLayer(p + "conv0", new LeanConvolutionLayer.Builder(3, 3).stride(2, 2).nIn(in).nOut(out)
                    .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), input);
        } else {
            separable(g, p + "conv0", input, in, out, 2, Activation.RELU);
        }
        List<String> outs = new ArrayList<>(List.of(p + "conv0"));
        String next = p + "conv0";
        for (int i = 1; i <= 3; i++) {
            separable(g, p + "conv" + i, next, out, out, 1, Activation.IDENTITY);
            outs.add(p + "conv" + i);
            g.addVertex(p + "sum" + i, new ElementWiseVertex(ElementWiseVertex.Op.Add), outs.toArray(String[]::new));
            g.addLayer(p + "relu" + i, new LeanReluLayer(), p + "sum" + i);
            next = p + "relu" + i;
        }
        return next;
    }

    /**
     * TF's separableConv2d as a depthwise 3x3 layer ({@code name.depthwise}) and a pointwise 1x1
     * convolution with the bias ({@code name}): DL4J's own SeparableConvolution2D computes the same
     * but trains about 50 times slower on CPU.
     */
    private static void separable(ComputationGraphConfiguration.GraphBuilder g, String name, String input, int in, int out,
                                  int stride, Activation activation) {
        g.addLayer(name + DEPTHWISE, new LeanDepthwiseConvolution2D.Builder(3, 3).stride(stride, stride).nIn(in).nOut(in)
                .depthMultiplier(1).convolutionMode(ConvolutionMode.Same).hasBias(false).activation(Activation.IDENTITY).build(),
                input);
        g.addLayer(name, new LeanConvolutionLayer.Builder(1, 1).nIn(in).nOut(out).convolutionMode(ConvolutionMode.Same)
                .hasBias(true).activation(activation).build(), name + DEPTHWISE);
    }

    /** The published 7-class head (softmax) on the encoder's features. */
    public static String addPublishedHead(ComputationGraphConfiguration.GraphBuilder g, String features) {
        g.addLayer(HEAD, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(WIDTHS[3])
                .nOut(PUBLISHED_CLASSES.size()).activation(Activation.SOFTMAX).build(), features);
        return HEAD;
    }

    /** Sets the encoder's parameters (and the published head's, when the graph has it) to the shipped weights. */
    @Override
    public void loadPretrained(ComputationGraph graph) {
        Map<String, INDArray> w = TfjsWeights.fromClasspath(RESOURCES, MODEL);
        for (int b = 0; b < WIDTHS.length; b++) {
            String tf = "dense" + b + "/";
            String p = PREFIX + "dense" + b + ".";
            for (int i = 0; i <= 3; i++) {
                String conv = tf + "conv" + i + "/";
                if (b == 0 && i == 0) {
                    set(graph, p + "conv0", "W", w, conv + "filters", true);
                } else {
                    set(graph, p + "conv" + i + DEPTHWISE, "W", w, conv + "depthwise_filter", false);
                    set(graph, p + "conv" + i, "W", w, conv + "pointwise_filter", true);
                }
                set(graph, p + "conv" + i, "b", w, conv + "bias", false);
            }
        }
        if (graph.getConfiguration().getVertices().containsKey(HEAD)) {
            set(graph, HEAD, "W", w, "fc/weights", false);
            set(graph, HEAD, "b", w, "fc/bias", false);
        }
    }

    /**
     * TF kernels are [kh, kw, in, out] (HWIO): DL4J convolutions want [out, in, kh, kw]; DL4J's
     * depthwise layer keeps TF's [kh, kw, in, multiplier].
     */
    private static void set(ComputationGraph graph, String layer, String param, Map<String, INDArray> weights, String tfName,
                            boolean kernel) {
        INDArray tf = weights.get(tfName);
        if (tf == null) {
            throw new IllegalArgumentException("face-api weights lack " + tfName + " (for " + layer + "/" + param + ")");
        }
        INDArray target = FusedNames.param(graph, layer, param);
        // only a bias vector may change its shape ([n] -> [1, n]); any other layout change must be explicit
        INDArray value = kernel ? tf.permute(3, 2, 0, 1).dup('c') : tf.rank() == 1 ? tf.reshape(target.shape()) : tf;
        if (!Arrays.equals(value.shape(), target.shape())) {
            throw new IllegalArgumentException("face-api weight " + tfName + " " + Arrays.toString(tf.shape())
                    + " does not fit " + layer + "/" + param + " " + Arrays.toString(target.shape()));
        }
        target.assign(value.castTo(target.dataType()));
    }
}
