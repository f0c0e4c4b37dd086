package vlfer.model.encoder.onednn;

/**
 * A square-kernel 2-D convolution over a batch: plain ({@code groups == 1}) or depthwise
 * ({@code groups == in == out}), with TF/DL4J "same" padding (any odd pixel goes after;
 * {@code pad < 0}) or PyTorch's explicit padding of {@code pad} pixels on each side.
 */
public record ConvShape(int batch, int in, int out, int groups, int kernel, int stride, int height, int width, int pad) {
    /** "Same" padding. */
    public static final int SAME = -1;

    public ConvShape {
        if (groups != 1 && (groups != in || in != out)) {
            throw new IllegalArgumentException("only plain or depthwise convolutions: groups " + groups + ", " + in + " -> " + out);
        }
    }

    public int outHeight() {
        return outSize(height);
    }

    public int outWidth() {
        return outSize(width);
    }

    private int outSize(int size) {
        return pad < 0 ? (size + stride - 1) / stride : (size + 2 * pad - kernel) / stride + 1;
    }

    /** Padding before, per spatial dimension. */
    long[] padBefore() {
        return new long[]{before(height), before(width)};
    }

    /** Padding after, per spatial dimension (explicit padding: what the last window needs, at most {@code pad}). */
    long[] padAfter() {
        return new long[]{total(height) - before(height), total(width) - before(width)};
    }

    private int before(int size) {
        return pad < 0 ? total(size) / 2 : pad;
    }

    private int total(int size) {
        int needed = Math.max((outSize(size) - 1) * stride + kernel - size, 0);
        return pad < 0 ? needed : Math.max(needed, pad);
    }

    long[] strides() {
        return new long[]{stride, stride};
    }

    long[] srcDims() {
        return new long[]{batch, in, height, width};
    }

    long[] dstDims() {
        return new long[]{batch, out, outHeight(), outWidth()};
    }

    long[] weightDims() {
        return groups == 1 ? new long[]{out, in, kernel, kernel} : new long[]{groups, 1, 1, kernel, kernel};
    }

    /**
     * DL4J's weight layout: [out, in, kh, kw] row-major for a plain convolution, [kh, kw, in, 1]
     * row-major for a depthwise one.
     */
    long[] dl4jWeightStrides() {
        return groups == 1 ? Dnnl.rowMajor(weightDims()) : new long[]{1, 1, 1, (long) kernel * in, in};
    }

    public long weightCount() {
        return (long) out * (in / groups) * kernel * kernel;
    }
}
