package vlfer.model.encoder.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_relu_use_dst_for_bwd;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;

import org.bytedeco.dnnl.dnnl_eltwise_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;

/** ReLU over tensors of one layout; its backward pass reads the forward pass's output. */
public final class Relu implements AutoCloseable {
    private final DnnlPrimitive forward;
    private final DnnlPrimitive backward;

    public Relu(dnnl_memory_desc_t layout) {
        dnnl_eltwise_desc_t fd = new dnnl_eltwise_desc_t();
        Dnnl.check(dnnl_eltwise_forward_desc_init(fd, dnnl_forward_training, dnnl_eltwise_relu_use_dst_for_bwd, layout, 0f, 0f),
                "describing a ReLU");
        forward = DnnlPrimitive.of(fd, null, null, "a ReLU");
        dnnl_eltwise_desc_t bd = new dnnl_eltwise_desc_t();
        Dnnl.check(dnnl_eltwise_backward_desc_init(bd, dnnl_eltwise_relu_use_dst_for_bwd, layout, layout, 0f, 0f),
                "describing a ReLU's gradient");
        backward = DnnlPrimitive.of(bd, null, forward, "a ReLU's gradient");
    }

    /** dst = max(src, 0). */
    public void forward(DnnlStream s, DnnlMemory src, DnnlMemory dst) {
        forward.run(s, DNNL_ARG_SRC, src, DNNL_ARG_DST, dst);
    }

    /** diffSrc = diffDst where the forward output {@code dst} is positive, else 0. */
    public void backward(DnnlStream s, DnnlMemory dst, DnnlMemory diffDst, DnnlMemory diffSrc) {
        backward.run(s, DNNL_ARG_DST, dst, DNNL_ARG_DIFF_DST, diffDst, DNNL_ARG_DIFF_SRC, diffSrc);
    }

    @Override
    public void close() {
        forward.close();
        backward.close();
    }
}
