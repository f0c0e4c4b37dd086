package vlfer.interop.npz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A PyTorch state dict saved as {@code .npz} ({@code np.savez(path, **{k: v.numpy() for k, v in
 * model.state_dict().items()})}): the floating-point tensors by name. Scalars and integer tensors
 * (batch-norm {@code num_batches_tracked}) are not weights; they are listed as skipped. Other readers
 * (TorchScript through DJL) build one with {@link #of}.
 */
public final class StateDict {
    private final String source;
    private final Map<String, INDArray> tensors;
    private final List<String> skipped;
    private final Unreadable unreadable;

    /**
     * Entries a reader cannot see although its file holds them: the keys they would have, and why
     * (with what to do instead). The importer names these keys as unreadable, not missing.
     */
    public record Unreadable(Pattern keys, String why) {
    }

    private StateDict(String source, Map<String, INDArray> tensors, List<String> skipped, Unreadable unreadable) {
        this.source = source;
        this.tensors = Collections.unmodifiableMap(tensors);
        this.skipped = List.copyOf(skipped);
        this.unreadable = unreadable;
    }

    /** A state dict read by another reader: float tensors by key (kept in this order) and the skipped entries. */
    public static StateDict of(String source, Map<String, INDArray> tensors, List<String> skipped) {
        return new StateDict(source, new LinkedHashMap<>(tensors), skipped, null);
    }

    /** As {@link #of(String, Map, List)}, for a reader that cannot see every entry of its file. */
    public static StateDict of(String source, Map<String, INDArray> tensors, List<String> skipped, Unreadable unreadable) {
        return new StateDict(source, new LinkedHashMap<>(tensors), skipped, java.util.Objects.requireNonNull(unreadable));
    }

    public static StateDict read(Path npz) throws IOException {
        return read(npz, npz.toString());
    }

    /** Reads {@code npz}, naming it {@code source} in errors (e.g. the s3a:// path it was copied from). */
    public static StateDict read(Path npz, String source) throws IOException {
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        TreeSet<String> skipped = new TreeSet<>();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                try (InputStream in = zip.getInputStream(e)) {
                    NpyFormat.Array a = NpyFormat.read(in, source + " entry '" + name + "'");
                    if (a.isScalar() || !a.isFloat()) {
                        skipped.add(name);
                    } else {
                        tensors.put(name, a.values());
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(source + " is not an .npz archive: " + e.getMessage(), e);
        }
        return new StateDict(source, tensors, List.copyOf(skipped), null);
    }

    /** Reads a single {@code .npy} array (test fixtures, inputs). */
    public static INDArray readArray(Path npy) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(npy)) {
            return NpyFormat.read(in, npy.toString()).values();
        }
    }

    public String source() {
        return source;
    }

    public Map<String, INDArray> tensors() {
        return tensors;
    }

    /** Entries that are not floating-point tensors (scalars, integer counters). */
    public List<String> skipped() {
        return skipped;
    }

    /** The entries of the file this reader cannot see; empty when it sees them all. */
    public Optional<Unreadable> unreadable() {
        return Optional.ofNullable(unreadable);
    }
}
