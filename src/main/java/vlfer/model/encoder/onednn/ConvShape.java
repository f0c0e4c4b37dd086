package vlfer.model.encoder.onednn;

/**
 * A square-kernel 2-D convolution over a batch: plain ({@code groups == 1}) or depthwise
 * ({@code groups == in == out}), with TF/DL4J "same" padding (any odd pixel goes after).
 */
public record ConvShape(int batch, int in, int out, int groups, int kernel, int stride, int height, int width) {
    public ConvShape {
        if (groups != 1 && (groups != in || in != out)) {
            throw new IllegalArgumentException("only plain or depthwise convolutions: groups " + groups + ", " + in + " -> " + out);
        }
    }

    public int outHeight() {
        return (height + stride - 1) / stride;
    }

    public int outWidth() {
        return (width + stride - 1) / stride;
    }

    /** Padding before, per spatial dimension. */
    long[] padBefore() {
        return new long[]{pad(height, outHeight()) / 2, pad(width, outWidth()) / 2};
    }

    /** Padding after, per spatial dimension. */
    long[] padAfter() {
        return new long[]{pad(height, outHeight()) - pad(height, outHeight()) / 2, pad(width, outWidth()) - pad(width, outWidth()) / 2};
    }

    private int pad(int size, int outSize) {
        return Math.max((outSize - 1) * stride + kernel - size, 0);
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
