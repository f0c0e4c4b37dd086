package vlfer.model.encoder.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_set_data_handle;

import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One oneDNN tensor: either memory oneDNN allocated and owns (kept from step to step), or a
 * window onto an ND4J array, pointed at the array's data before every use.
 */
public final class DnnlMemory implements AutoCloseable {
    private final dnnl_memory_desc_t desc;
    private dnnl_memory memory;

    private DnnlMemory(dnnl_memory_desc_t desc, Pointer handle) {
        this.desc = desc;
        this.memory = new dnnl_memory();
        Dnnl.check(dnnl_memory_create(memory, desc, Dnnl.engine(), handle), "creating a tensor");
    }

    /** A tensor of {@code desc} in memory oneDNN allocates now. */
    public static DnnlMemory allocate(dnnl_memory_desc_t desc) {
        return new DnnlMemory(desc, Address.at(-1L));
    }

    /** A tensor of {@code desc} with no data yet: {@link #bind} points it at an array. */
    public static DnnlMemory window(dnnl_memory_desc_t desc) {
        return new DnnlMemory(desc, null);
    }

    public dnnl_memory_desc_t desc() {
        return desc;
    }

    dnnl_memory handle() {
        return memory;
    }

    /**
     * Points this window at {@code array}'s data. The array must be float32, row-major and
     * contiguous with exactly as many elements as this tensor holds.
     */
    public DnnlMemory bind(INDArray array) {
        long bytes = dnnl_memory_desc_get_size(desc);
        if (array.dataType() != DataType.FLOAT || array.length() * Float.BYTES != bytes
                || !rowMajor(array)) {
            throw new IllegalArgumentException("a " + array.dataType() + " array of " + array.length()
                    + " elements (order " + array.ordering() + ") does not fit a float32 tensor of " + bytes / Float.BYTES
                    + " elements in row-major order");
        }
        // a view's buffer is itself a view: its pointer already starts at the view's first element
        long address = array.data().addressPointer().address();
        Dnnl.check(dnnl_memory_set_data_handle(memory, Address.at(address)), "pointing a tensor at an array");
        return this;
    }

    /** {@code a} itself when it is one row-major run of float32, else a row-major copy. */
    public static INDArray contiguous(INDArray a) {
        if (a.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("oneDNN layers run in float32, got " + a.dataType());
        }
        return rowMajor(a) ? a : a.dup('c');
    }

    /** Whether {@code array} is one row-major run of memory (the stride of a dimension of size 1 does not matter). */
    public static boolean rowMajor(INDArray array) {
        long expected = 1;
        for (int i = array.rank() - 1; i >= 0; i--) {
            if (array.size(i) != 1 && array.stride(i) != expected) {
                return false;
            }
            expected *= array.size(i);
        }
        return true;
    }

    @Override
    public void close() {
        if (memory != null) {
            dnnl_memory_destroy(memory);
            memory = null;
        }
    }

    /** A raw address as a JavaCPP pointer (-1 is oneDNN's DNNL_MEMORY_ALLOCATE). */
    private static final class Address extends Pointer {
        private Address(long address) {
            this.address = address;
        }

        static Address at(long address) {
            return new Address(address);
        }
    }
}
