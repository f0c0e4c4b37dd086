package vlfer.model.encoder.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_default_flags;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_wait;

import org.bytedeco.dnnl.dnnl_stream;

/** A oneDNN CPU stream: the primitives of one layer run on it in order, from one thread at a time. */
public final class DnnlStream implements AutoCloseable {
    private dnnl_stream stream;

    public DnnlStream() {
        stream = new dnnl_stream();
        Dnnl.check(dnnl_stream_create(stream, Dnnl.engine(), dnnl_stream_default_flags), "creating a stream");
    }

    dnnl_stream handle() {
        return stream;
    }

    /** Waits until everything run on the stream has finished. */
    public void await() {
        Dnnl.check(dnnl_stream_wait(stream), "waiting for a stream");
    }

    @Override
    public void close() {
        if (stream != null) {
            dnnl_stream_destroy(stream);
            stream = null;
        }
    }
}
