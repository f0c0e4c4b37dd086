package vlfer.model.encoder.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_execute;
import static org.bytedeco.dnnl.global.dnnl.dnnl_reorder_primitive_desc_create;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Pointer;

/** One oneDNN primitive, built once and run many times; it keeps its descriptor for queries. */
public final class DnnlPrimitive implements AutoCloseable {
    private final String what;
    private dnnl_primitive_desc pd;
    private dnnl_primitive primitive;

    private DnnlPrimitive(dnnl_primitive_desc pd, String what) {
        this.pd = pd;
        this.what = what;
        this.primitive = new dnnl_primitive();
        Dnnl.check(dnnl_primitive_create(primitive, pd), "creating " + what);
    }

    /** The primitive for an operation descriptor ({@code attr} and {@code hint} may be null). */
    public static DnnlPrimitive of(Pointer opDesc, dnnl_primitive_attr attr, DnnlPrimitive hint, String what) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        Dnnl.check(dnnl_primitive_desc_create(pd, new const_dnnl_op_desc_t(opDesc), attr, Dnnl.engine(),
                hint == null ? null : hint.pd), "finding an implementation of " + what);
        return new DnnlPrimitive(pd, what);
    }

    /** A copy from layout {@code from} into layout {@code to}. */
    public static DnnlPrimitive reorder(dnnl_memory_desc_t from, dnnl_memory_desc_t to) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        Dnnl.check(dnnl_reorder_primitive_desc_create(pd, from, Dnnl.engine(), to, Dnnl.engine(), null),
                "finding a reorder");
        return new DnnlPrimitive(pd, "a reorder");
    }

    /** The layout this primitive chose for one of its tensors ({@code dnnl_query_*_md}), valid while the primitive is open. */
    public dnnl_memory_desc_t layout(int query) {
        dnnl_memory_desc_t md = dnnl_primitive_desc_query_md(pd, query, 0);
        if (md == null || md.isNull()) {
            throw new IllegalStateException(what + " has no tensor for query " + query);
        }
        return md;
    }

    /** Runs the primitive on {@code stream} with (argument id, tensor) pairs. */
    public void run(DnnlStream stream, Object... idsAndTensors) {
        int n = idsAndTensors.length / 2;
        try (dnnl_exec_arg_t args = new dnnl_exec_arg_t(n)) {
            for (int i = 0; i < n; i++) {
                args.position(i).arg((Integer) idsAndTensors[2 * i]).memory(((DnnlMemory) idsAndTensors[2 * i + 1]).handle());
            }
            args.position(0);
            Dnnl.check(dnnl_primitive_execute(primitive, stream.handle(), n, args), "running " + what);
        }
    }

    @Override
    public void close() {
        if (primitive != null) {
            dnnl_primitive_destroy(primitive);
            dnnl_primitive_desc_destroy(pd);
            primitive = null;
            pd = null;
        }
    }
}
