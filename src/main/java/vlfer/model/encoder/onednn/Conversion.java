package vlfer.model.encoder.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_equal;

import org.bytedeco.dnnl.dnnl_memory_desc_t;

/**
 * Bridges two layouts of one tensor with a kept reorder and buffer; when the layouts are the
 * same it does nothing and hands the tensor through.
 */
public final class Conversion implements AutoCloseable {
    private final DnnlPrimitive reorder;
    private final DnnlMemory buffer;

    private Conversion(DnnlPrimitive reorder, DnnlMemory buffer) {
        this.reorder = reorder;
        this.buffer = buffer;
    }

    /** For an input held in layout {@code have} that a primitive wants in layout {@code want}. */
    public static Conversion forInput(dnnl_memory_desc_t have, dnnl_memory_desc_t want) {
        if (dnnl_memory_desc_equal(have, want) == 1) {
            return new Conversion(null, null);
        }
        return new Conversion(DnnlPrimitive.reorder(have, want), DnnlMemory.allocate(want));
    }

    /** For an output a primitive writes in layout {@code produced} that is wanted in layout {@code want}. */
    public static Conversion forOutput(dnnl_memory_desc_t produced, dnnl_memory_desc_t want) {
        if (dnnl_memory_desc_equal(produced, want) == 1) {
            return new Conversion(null, null);
        }
        return new Conversion(DnnlPrimitive.reorder(produced, want), DnnlMemory.allocate(produced));
    }

    /** An input: {@code held} in the wanted layout (converted into the kept buffer if need be). */
    public DnnlMemory input(DnnlStream stream, DnnlMemory held) {
        if (reorder == null) {
            return held;
        }
        reorder.run(stream, DNNL_ARG_FROM, held, DNNL_ARG_TO, buffer);
        return buffer;
    }

    /**
     * For an output ({@link #forOutput}): where the producer writes, which is {@code wanted} itself
     * when the layouts agree.
     */
    public DnnlMemory target(DnnlMemory wanted) {
        return reorder == null ? wanted : buffer;
    }

    /** For an output: copies what the producer wrote into {@code wanted}, if it wrote elsewhere. */
    public void deliver(DnnlStream stream, DnnlMemory wanted) {
        if (reorder != null) {
            reorder.run(stream, DNNL_ARG_FROM, buffer, DNNL_ARG_TO, wanted);
        }
    }

    @Override
    public void close() {
        if (reorder != null) {
            reorder.close();
            buffer.close();
        }
    }
}
