package vlfer.model.encoder.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_engine_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_f32;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_init_by_strides;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_init_by_tag;
import static org.bytedeco.dnnl.global.dnnl.dnnl_success;

import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The process's oneDNN CPU engine, status checks and float32 memory descriptors. */
public final class Dnnl {
    private static final Logger LOG = LoggerFactory.getLogger(Dnnl.class);
    private static dnnl_engine engine;
    private static String unavailable;

    private Dnnl() {
    }

    /**
     * Whether oneDNN can be used here: ND4J runs on the CPU backend and the native library loads.
     * The reason it cannot is logged once.
     */
    public static synchronized boolean available() {
        if (engine == null && unavailable == null) {
            String backend = Nd4j.getBackend().getClass().getSimpleName();
            if (!backend.startsWith("CpuBackend")) {
                unavailable = "ND4J runs on " + backend + ", not the CPU";
            } else {
                try {
                    Loader.load(org.bytedeco.dnnl.global.dnnl.class);
                    dnnl_engine e = new dnnl_engine();
                    check(dnnl_engine_create(e, dnnl_cpu, 0), "creating the CPU engine");
                    engine = e;
                } catch (RuntimeException | LinkageError e) {
                    unavailable = "oneDNN did not load: " + e;
                }
            }
            if (unavailable != null) {
                LOG.info("oneDNN is not used: {}", unavailable);
            }
        }
        return engine != null;
    }

    static dnnl_engine engine() {
        if (!available()) {
            throw new IllegalStateException("oneDNN is not available: " + unavailable);
        }
        return engine;
    }

    /** Throws, naming {@code what}, unless {@code status} is oneDNN's success. */
    public static void check(int status, String what) {
        if (status != dnnl_success) {
            throw new IllegalStateException("oneDNN failed " + what + " (status " + status + ")");
        }
    }

    /** A float32 tensor of {@code dims} in oneDNN's layout {@code tag} ({@code dnnl_format_tag_any}: the primitive's choice). */
    public static dnnl_memory_desc_t tagged(long[] dims, int tag) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        check(dnnl_memory_desc_init_by_tag(md, dims.length, dims, dnnl_f32, tag), "describing a tensor");
        return md;
    }

    /** A float32 tensor of {@code dims} in the primitive's preferred layout. */
    public static dnnl_memory_desc_t any(long[] dims) {
        return tagged(dims, dnnl_format_tag_any);
    }

    /** A float32 tensor of {@code dims} laid out with {@code strides} (in elements). */
    public static dnnl_memory_desc_t strided(long[] dims, long[] strides) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        check(dnnl_memory_desc_init_by_strides(md, dims.length, dims, dnnl_f32, strides), "describing a strided tensor");
        return md;
    }

    /** Row-major strides of {@code dims}. */
    public static long[] rowMajor(long[] dims) {
        long[] s = new long[dims.length];
        long step = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = step;
            step *= dims[i];
        }
        return s;
    }
}
