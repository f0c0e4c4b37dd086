package vlfer.model.encoder.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_0;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_1;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_add;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_desc_init;

import org.bytedeco.dnnl.dnnl_binary_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;

/** In-place addition of tensors of one layout: {@code into += other}. */
public final class Addition implements AutoCloseable {
    private final DnnlPrimitive add;

    public Addition(dnnl_memory_desc_t layout) {
        dnnl_binary_desc_t d = new dnnl_binary_desc_t();
        Dnnl.check(dnnl_binary_desc_init(d, dnnl_binary_add, layout, layout, layout), "describing an addition");
        add = DnnlPrimitive.of(d, null, null, "an addition");
    }

    public void addTo(DnnlStream s, DnnlMemory into, DnnlMemory other) {
        add.run(s, DNNL_ARG_SRC_0, into, DNNL_ARG_SRC_1, other, DNNL_ARG_DST, into);
    }

    @Override
    public void close() {
        add.close();
    }
}
