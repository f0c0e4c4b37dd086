package vlfer.model.encoder.onednn;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A fused layer's oneDNN plans by batch size: the last two used (a smaller last batch does not
 * rebuild the training batch's), closed when dropped, and all of them when the layer that
 * {@link #register}ed the cache is garbage-collected.
 */
public final class PlanCache<P extends AutoCloseable> {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int KEPT = 2;
    private final List<Entry<P>> kept = new ArrayList<>();

    private record Entry<P>(int batch, P plan) {
    }

    /** Closes every plan once {@code owner} is unreachable (the cache must not reference it). */
    public PlanCache<P> register(Object owner) {
        CLEANER.register(owner, this::close);
        return this;
    }

    public synchronized P forBatch(int batch, IntFunction<P> create) {
        for (Entry<P> e : kept) {
            if (e.batch() == batch) {
                kept.remove(e);
                kept.add(0, e);
                return e.plan();
            }
        }
        Entry<P> e = new Entry<>(batch, create.apply(batch));
        kept.add(0, e);
        while (kept.size() > KEPT) {
            closeQuietly(kept.remove(kept.size() - 1).plan());
        }
        return e.plan();
    }

    public synchronized void close() {
        kept.forEach(e -> closeQuietly(e.plan()));
        kept.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing a oneDNN plan", e);
        }
    }
}
