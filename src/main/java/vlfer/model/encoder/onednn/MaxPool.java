package vlfer.model.encoder.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_max;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_workspace_md;

import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_pooling_desc_t;

/**
 * Max pooling over square windows with PyTorch's padding (padded pixels never win); the forward
 * pass records where each maximum came from, and the backward pass sends the gradient there.
 */
public final class MaxPool implements AutoCloseable {
    private final DnnlPrimitive forward;
    private final DnnlPrimitive backward;
    private final DnnlMemory workspace;

    /** Pooling {@code shape}'s input (its groups, channels and batch as a depthwise convolution's) into {@code dst}. */
    public MaxPool(ConvShape shape, dnnl_memory_desc_t src, dnnl_memory_desc_t dst) {
        long[] kernel = {shape.kernel(), shape.kernel()};
        dnnl_pooling_desc_t fd = new dnnl_pooling_desc_t();
        Dnnl.check(dnnl_pooling_forward_desc_init(fd, dnnl_forward_training, dnnl_pooling_max, src, dst, shape.strides(), kernel,
                shape.padBefore(), shape.padAfter()), "describing a max pooling");
        forward = DnnlPrimitive.of(fd, null, null, "a max pooling");
        dnnl_pooling_desc_t bd = new dnnl_pooling_desc_t();
        Dnnl.check(dnnl_pooling_backward_desc_init(bd, dnnl_pooling_max, src, dst, shape.strides(), kernel, shape.padBefore(),
                shape.padAfter()), "describing a max pooling's gradient");
        backward = DnnlPrimitive.of(bd, null, forward, "a max pooling's gradient");
        workspace = DnnlMemory.allocate(forward.layout(dnnl_query_workspace_md));
    }

    public void forward(DnnlStream s, DnnlMemory src, DnnlMemory dst) {
        forward.run(s, DNNL_ARG_SRC, src, DNNL_ARG_DST, dst, DNNL_ARG_WORKSPACE, workspace);
    }

    /** After {@link #forward}: the gradient reaches the position of each window's maximum. */
    public void backward(DnnlStream s, DnnlMemory diffDst, DnnlMemory diffSrc) {
        backward.run(s, DNNL_ARG_DIFF_DST, diffDst, DNNL_ARG_WORKSPACE, workspace, DNNL_ARG_DIFF_SRC, diffSrc);
    }

    @Override
    public void close() {
        forward.close();
        backward.close();
        workspace.close();
    }
}
