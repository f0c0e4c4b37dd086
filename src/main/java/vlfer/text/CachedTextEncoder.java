package vlfer.text;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text encoder that keeps what it encoded in a local folder, one file per call keyed by the
 * SHA-256 of the encoder's name, its fingerprint ({@link TextEncoderFingerprint}: settings and file
 * contents) and the texts, so repeated runs skip encoding (and loading the model), and a changed
 * model file under the same name is a miss.
 * Writes go to a temporary file renamed into place; an unreadable or mismatched entry is
 * re-encoded and replaced, with a warning.
 */
public final class CachedTextEncoder implements TextEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(CachedTextEncoder.class);
    private static final int MAGIC = 0x56544531; // "VTE1"

    private final String name;
    private final String fingerprint;
    private final Path dir;
    private final Supplier<TextEncoder> opener;
    private TextEncoder encoder;
    private int hits;

    public CachedTextEncoder(String name, String fingerprint, Path dir, Supplier<TextEncoder> opener) {
        this.name = name;
        this.fingerprint = fingerprint;
        this.dir = dir;
        this.opener = opener;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return open().dimension();
    }

    /** Calls answered from the cache so far. */
    public int hits() {
        return hits;
    }

    private TextEncoder open() {
        if (encoder == null) {
            encoder = opener.get();
        }
        return encoder;
    }

    @Override
    public float[][] encode(List<String> texts) {
        Path file = dir.resolve(key(texts) + ".emb");
        if (Files.isRegularFile(file)) {
            try {
                float[][] rows = read(file, texts.size());
                hits++;
                return rows;
            } catch (IOException e) {
                LOG.warn("text-embedding cache entry {} is unreadable ({}): encoding again", file, e.getMessage());
            }
        }
        float[][] rows = open().encode(texts);
        try {
            write(file, rows);
        } catch (IOException e) {
            LOG.warn("cannot write text-embedding cache entry {} ({}); continuing without it", file, e.getMessage());
        }
        return rows;
    }

    private String key(List<String> texts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            for (String t : texts) {
                md.update((byte) 0);
                md.update(t.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[][] read(Path file, int expectedRows) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a vlfer text-embedding file");
            }
            int rows = in.readInt();
            int dims = in.readInt();
            if (rows != expectedRows || dims < 1) {
                throw new IOException(rows + " rows of " + dims + ", expected " + expectedRows + " rows");
            }
            byte[] bytes = in.readNBytes(4 * rows * dims);
            if (bytes.length != 4 * rows * dims || in.read() != -1) {
                throw new IOException("truncated or overlong");
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            float[][] out = new float[rows][dims];
            for (float[] row : out) {
                for (int j = 0; j < dims; j++) {
                    row[j] = buf.getFloat();
                }
            }
            return out;
        }
    }

    private static void write(Path file, float[][] rows) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(raw)) {
                out.writeInt(MAGIC);
                out.writeInt(rows.length);
                out.writeInt(rows.length == 0 ? 0 : rows[0].length);
                ByteBuffer buf = ByteBuffer.allocate(4 * (rows.length == 0 ? 0 : rows[0].length)).order(ByteOrder.LITTLE_ENDIAN);
                for (float[] row : rows) {
                    buf.clear();
                    for (float v : row) {
                        buf.putFloat(v);
                    }
                    out.write(buf.array());
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
        }
    }
}
