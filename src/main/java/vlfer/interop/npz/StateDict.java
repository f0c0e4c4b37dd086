package vlfer.interop.npz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A PyTorch state dict saved as {@code .npz} ({@code np.savez(path, **{k: v.numpy() for k, v in
 * model.state_dict().items()})}): the floating-point tensors by name. Scalars and integer tensors
 * (batch-norm {@code num_batches_tracked}) are not weights; they are listed as skipped.
 */
public final class StateDict {
    private final String source;
    private final Map<String, INDArray> tensors;
    private final List<String> skipped;

    private StateDict(String source, Map<String, INDArray> tensors, List<String> skipped) {
        this.source = source;
        this.tensors = Collections.unmodifiableMap(tensors);
        this.skipped = List.copyOf(skipped);
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
        return new StateDict(source, tensors, List.copyOf(skipped));
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
}
