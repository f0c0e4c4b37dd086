package vlfer.model.encoder.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_data_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_weights_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_relu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_append_eltwise;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_append_sum;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_set_post_ops;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_dst_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_src_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One convolution's forward, backward-data and backward-weights primitives, with its weights
 * converted from DL4J's layout into each primitive's own and its weight gradient back, every
 * step. Activations come in the layouts the caller fixes; the block input may be left to the
 * primitive ({@link #srcLayout}).
 */
public final class Convolution implements AutoCloseable {
    /** What the forward pass does to its result: nothing, ReLU, or add it to what the output holds. */
    public enum After { NONE, RELU, ACCUMULATE }

    private final boolean bias;
    private final DnnlPrimitive forward;
    private final DnnlPrimitive backwardData;
    private final DnnlPrimitive backwardWeights;
    private final DnnlMemory userWeights;
    private final DnnlMemory userWeightGradient;
    private final DnnlMemory userBias;
    private final DnnlMemory userBiasGradient;
    private final Conversion forwardWeights;
    private final Conversion backwardDataWeights;
    private final Conversion weightGradient;
    private final Conversion backwardSrc;

    /**
     * {@code src} and {@code dst} fix the activations' layouts ({@code src} may be
     * {@link Dnnl#any}); {@code backwardData} false builds no input-gradient primitive.
     */
    public Convolution(ConvShape shape, boolean bias, After after, dnnl_memory_desc_t src, dnnl_memory_desc_t dst,
                       boolean backwardData) {
        this.bias = bias;
        long[] wDims = shape.weightDims();
        dnnl_memory_desc_t biasMd = bias ? Dnnl.tagged(new long[]{shape.out()}, dnnl_x) : null;
        dnnl_memory_desc_t userW = Dnnl.strided(wDims, shape.dl4jWeightStrides());
        String name = (shape.groups() == 1 ? "a " + shape.kernel() + "x" + shape.kernel() + " convolution "
                : "a depthwise convolution ") + shape;

        dnnl_convolution_desc_t fd = new dnnl_convolution_desc_t();
        Dnnl.check(dnnl_convolution_forward_desc_init(fd, dnnl_forward_training, dnnl_convolution_direct, src,
                Dnnl.any(wDims), biasMd, dst, shape.strides(), shape.padBefore(), shape.padAfter()), "describing " + name);
        try (PostOps post = new PostOps(after)) {
            this.forward = DnnlPrimitive.of(fd, post.attr, null, name);
        }
        // the gradients come and go in the forward pass's own layouts
        dnnl_memory_desc_t chosenDst = forward.layout(dnnl_query_dst_md);
        if (backwardData) {
            dnnl_convolution_desc_t bd = new dnnl_convolution_desc_t();
            Dnnl.check(dnnl_convolution_backward_data_desc_init(bd, dnnl_convolution_direct, forward.layout(dnnl_query_src_md),
                    Dnnl.any(wDims), chosenDst, shape.strides(), shape.padBefore(), shape.padAfter()),
                    "describing " + name + "'s input gradient");
            this.backwardData = DnnlPrimitive.of(bd, null, forward, name + "'s input gradient");
            this.backwardDataWeights = Conversion.forInput(userW, this.backwardData.layout(dnnl_query_weights_md));
        } else {
            this.backwardData = null;
            this.backwardDataWeights = null;
        }
        dnnl_convolution_desc_t wd = new dnnl_convolution_desc_t();
        Dnnl.check(dnnl_convolution_backward_weights_desc_init(wd, dnnl_convolution_direct, src, Dnnl.any(wDims), biasMd, chosenDst,
                shape.strides(), shape.padBefore(), shape.padAfter()), "describing " + name + "'s weight gradient");
        this.backwardWeights = DnnlPrimitive.of(wd, null, forward, name + "'s weight gradient");

        this.userWeights = DnnlMemory.window(userW);
        this.userWeightGradient = DnnlMemory.window(userW);
        this.userBias = bias ? DnnlMemory.window(biasMd) : null;
        this.userBiasGradient = bias ? DnnlMemory.window(biasMd) : null;
        this.forwardWeights = Conversion.forInput(userW, forward.layout(dnnl_query_weights_md));
        this.weightGradient = Conversion.forOutput(backwardWeights.layout(dnnl_query_diff_weights_md), userW);
        this.backwardSrc = Conversion.forInput(forward.layout(dnnl_query_src_md), backwardWeights.layout(dnnl_query_src_md));
    }

    /** The layout the forward pass reads its input in. */
    public dnnl_memory_desc_t srcLayout() {
        return forward.layout(dnnl_query_src_md);
    }

    /** The layout the forward pass writes its output in. */
    public dnnl_memory_desc_t dstLayout() {
        return forward.layout(dnnl_query_dst_md);
    }

    /** out = conv(src, weights) + bias, then {@link After}. {@code src} is in {@link #srcLayout}. */
    public void forward(DnnlStream s, DnnlMemory src, DnnlMemory dst, INDArray weights, INDArray biasValues) {
        DnnlMemory w = forwardWeights.input(s, userWeights.bind(weights));
        if (bias) {
            forward.run(s, DNNL_ARG_SRC, src, DNNL_ARG_WEIGHTS, w, DNNL_ARG_BIAS, userBias.bind(biasValues), DNNL_ARG_DST, dst);
        } else {
            forward.run(s, DNNL_ARG_SRC, src, DNNL_ARG_WEIGHTS, w, DNNL_ARG_DST, dst);
        }
    }

    /** Writes the weight (and bias) gradient for the forward pass's input {@code src} and output gradient. */
    public void weightGradient(DnnlStream s, DnnlMemory src, DnnlMemory diffDst, INDArray weightGrad, INDArray biasGrad) {
        DnnlMemory in = backwardSrc.input(s, src);
        DnnlMemory gw = userWeightGradient.bind(weightGrad);
        DnnlMemory target = weightGradient.target(gw);
        if (bias) {
            backwardWeights.run(s, DNNL_ARG_SRC, in, DNNL_ARG_DIFF_DST, diffDst, DNNL_ARG_DIFF_WEIGHTS, target,
                    DNNL_ARG_DIFF_BIAS, userBiasGradient.bind(biasGrad));
        } else {
            backwardWeights.run(s, DNNL_ARG_SRC, in, DNNL_ARG_DIFF_DST, diffDst, DNNL_ARG_DIFF_WEIGHTS, target);
        }
        weightGradient.deliver(s, gw);
    }

    /** Writes the input gradient, in {@link #srcLayout}, for the output gradient {@code diffDst}. */
    public void inputGradient(DnnlStream s, DnnlMemory diffDst, DnnlMemory diffSrc, INDArray weights) {
        DnnlMemory w = backwardDataWeights.input(s, userWeights.bind(weights));
        backwardData.run(s, DNNL_ARG_DIFF_DST, diffDst, DNNL_ARG_WEIGHTS, w, DNNL_ARG_DIFF_SRC, diffSrc);
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[]{forward, backwardData, backwardWeights, userWeights, userWeightGradient,
                userBias, userBiasGradient, forwardWeights, backwardDataWeights, weightGradient, backwardSrc}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The forward pass's post-ops as a primitive attribute. */
    private static final class PostOps implements AutoCloseable {
        final dnnl_primitive_attr attr;
        private final dnnl_post_ops ops;

        PostOps(After after) {
            if (after == After.NONE) {
                attr = null;
                ops = null;
                return;
            }
            ops = new dnnl_post_ops();
            Dnnl.check(dnnl_post_ops_create(ops), "creating post-ops");
            if (after == After.RELU) {
                Dnnl.check(dnnl_post_ops_append_eltwise(ops, 1f, dnnl_eltwise_relu, 0f, 0f), "adding a ReLU post-op");
            } else {
                Dnnl.check(dnnl_post_ops_append_sum(ops, 1f), "adding a sum post-op");
            }
            attr = new dnnl_primitive_attr();
            Dnnl.check(dnnl_primitive_attr_create(attr), "creating a primitive attribute");
            Dnnl.check(dnnl_primitive_attr_set_post_ops(attr, ops), "setting post-ops");
        }

        @Override
        public void close() {
            if (attr != null) {
                dnnl_primitive_attr_destroy(attr);
                dnnl_post_ops_destroy(ops);
            }
        }
    }
}
