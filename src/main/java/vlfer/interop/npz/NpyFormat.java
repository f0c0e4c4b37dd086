package vlfer.interop.npz;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads one NumPy {@code .npy} array (format versions 1-3, C order, little-endian float32/float64,
 * int32/int64) into a float32 INDArray. Written for state dicts: zero-dimensional arrays
 * ({@code num_batches_tracked}) come back as shape [] and the caller decides what to do with them
 * (ND4J's own npz reader crashes on them).
 */
final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** A parsed array: its NumPy dtype, shape and values as float32. */
    record Array(String dtype, long[] shape, INDArray values) {
        boolean isScalar() {
            return shape.length == 0;
        }

        boolean isFloat() {
            return dtype.endsWith("f4") || dtype.endsWith("f8");
        }
    }

    private NpyFormat() {
    }

    /** Reads an array from {@code in}; {@code where} names it in errors (file and entry). */
    static Array read(InputStream in, String where) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        data.readFully(magic);
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic[i] != MAGIC[i]) {
                throw new IOException(where + ": not a .npy array (bad magic bytes)");
            }
        }
        int major = data.readUnsignedByte();
        data.readUnsignedByte();
        int headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(Short.reverseBytes(data.readShort()));
        } else if (major == 2 || major == 3) {
            headerLength = Integer.reverseBytes(data.readInt());
        } else {
            throw new IOException(where + ": unsupported .npy format version " + major);
        }
        byte[] headerBytes = new byte[headerLength];
        data.readFully(headerBytes);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String dtype = group(DESCR, header, where, "descr");
        if ("True".equals(group(FORTRAN, header, where, "fortran_order"))) {
            throw new IOException(where + ": Fortran-order arrays are not supported (save with np.ascontiguousarray)");
        }
        long[] shape = parseShape(group(SHAPE, header, where, "shape"), where);
        int width = elementWidth(dtype, where);
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (count * width > Integer.MAX_VALUE) {
            throw new IOException(where + ": array of " + count + " elements is too large");
        }
        byte[] raw = new byte[(int) (count * width)];
        data.readFully(raw);
        ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[(int) count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (dtype.substring(1)) {
                case "f4" -> buf.getFloat();
                case "f8" -> (float) buf.getDouble();
                case "i4" -> buf.getInt();
                default -> buf.getLong();
            };
        }
        INDArray arr = shape.length == 0 ? Nd4j.scalar(DataType.FLOAT, values[0]) : Nd4j.create(values, shape, 'c');
        return new Array(dtype, shape, arr);
    }

    private static String group(Pattern p, String header, String where, String key) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IOException(where + ": .npy header has no '" + key + "': " + header.trim());
        }
        return m.group(1);
    }

    private static long[] parseShape(String text, String where) throws IOException {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                try {
                    dims.add(Long.parseLong(part.trim().replace("L", "")));
                } catch (NumberFormatException e) {
                    throw new IOException(where + ": bad shape (" + text + ")");
                }
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static int elementWidth(String dtype, String where) throws IOException {
        if (dtype.length() == 3 && (dtype.charAt(0) == '<' || dtype.charAt(0) == '|')) {
            switch (dtype.substring(1)) {
                case "f4", "i4":
                    return 4;
                case "f8", "i8":
                    return 8;
                default:
                    break;
            }
        }
        throw new IOException(where + ": unsupported dtype '" + dtype + "' (float32/float64/int32/int64, little-endian)");
    }
}
