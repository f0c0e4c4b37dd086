package vlfer.data.affectnet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one value of a small NumPy {@code .npy} file, as text: AffectNet's newer release keeps
 * each face's expression in {@code <id>_exp.npy}, a unicode string ('<U1') or an integer.
 */
public final class NpyScalar {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyScalar() {
    }

    /** The value as text ("3"); an IllegalArgumentException says what is wrong with the file. */
    public static String read(byte[] bytes) {
        if (bytes.length < 10) {
            throw new IllegalArgumentException("too short for a .npy file (" + bytes.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IllegalArgumentException("not a .npy file (bad magic)");
            }
        }
        int major = bytes[6];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(b.getShort(8));
            start = 10;
        } else {
            headerLen = b.getInt(8);
            start = 12;
        }
        if (start + headerLen > bytes.length) {
            throw new IllegalArgumentException("truncated .npy header");
        }
        String header = new String(bytes, start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find()) {
            throw new IllegalArgumentException("unreadable .npy header: " + header.trim());
        }
        String shape = s.group(1).replace(" ", "");
        if (!shape.isEmpty() && !shape.equals("1,") && !shape.equals("1")) {
            throw new IllegalArgumentException("expected one value, found shape (" + s.group(1) + ")");
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        int data = start + headerLen;
        int width = kind == 'U' ? 4 * size : size;
        if (data + width > bytes.length) {
            throw new IllegalArgumentException("truncated .npy data");
        }
        ByteBuffer v = ByteBuffer.wrap(bytes, data, width).slice().order(order);
        return switch (kind) {
            case 'U' -> unicode(v, size);
            case 'S' -> new String(bytes, data, size, StandardCharsets.US_ASCII).replace("\0", "");
            case 'i' -> Long.toString(signed(v, size));
            case 'u' -> Long.toString(unsigned(v, size));
            case 'f' -> {
                double f = size == 8 ? v.getDouble(0) : v.getFloat(0);
                if (f != Math.rint(f)) {
                    throw new IllegalArgumentException("expression " + f + " is not a whole number");
                }
                yield Long.toString((long) f);
            }
            default -> throw new IllegalArgumentException("unsupported .npy type " + d.group(0));
        };
    }

    private static String unicode(ByteBuffer v, int chars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chars; i++) {
            int cp = v.getInt(4 * i);
            if (cp == 0) {
                break;
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private static long signed(ByteBuffer v, int size) {
        return switch (size) {
            case 1 -> v.get(0);
            case 2 -> v.getShort(0);
            case 4 -> v.getInt(0);
            case 8 -> v.getLong(0);
            default -> throw new IllegalArgumentException("unsupported integer size " + size);
        };
    }

    private static long unsigned(ByteBuffer v, int size) {
        return switch (size) {
            case 1 -> Byte.toUnsignedLong(v.get(0));
            case 2 -> Short.toUnsignedLong(v.getShort(0));
            case 4 -> Integer.toUnsignedLong(v.getInt(0));
            case 8 -> v.getLong(0);
            default -> throw new IllegalArgumentException("unsupported integer size " + size);
        };
    }
}
