package vlfer.model.encoder.swin;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Padding, rolling and cropping a channels-last map [N, H, W, C] in SameDiff, out of slices and
 * concatenations (whose gradients DL4J has), as {@code F.pad} and {@code torch.roll} do it.
 */
final class FeatureMaps {
    private FeatureMaps() {
    }

    /** Zeros appended below ({@code bottom} rows) and to the right ({@code right} columns) of x [N, h, w, c]. */
    static SDVariable padBottomRight(SameDiff sd, SDVariable x, long h, long w, long c, int bottom, int right) {
        SDVariable y = x;
        if (bottom > 0) {
            y = sd.concat(1, y, zeros(sd, x, bottom, w, c));
        }
        if (right > 0) {
            y = sd.concat(2, y, zeros(sd, x, h + bottom, right, c));
        }
        return y;
    }

    /** [N, h, w, c] zeros, N taken from x at run time. */
    private static SDVariable zeros(SameDiff sd, SDVariable x, long h, long w, long c) {
        SDVariable perExample = sd.zerosLike(x.get(SDIndex.all(), SDIndex.interval(0, 1), SDIndex.interval(0, 1),
                SDIndex.interval(0, 1)));
        return perExample.add(sd.constant(Nd4j.zeros(x.dataType(), 1, h, w, c)));
    }

    /**
     * {@code torch.roll(x, -by, axis)} for axis 1 or 2 of length n: element i becomes element
     * {@code (i + by) mod n}. Rolling back is rolling by {@code n - by}.
     */
    static SDVariable roll(SameDiff sd, SDVariable x, int axis, long n, long by) {
        long s = Math.floorMod(by, n);
        if (s == 0) {
            return x;
        }
        return sd.concat(axis, slice(x, axis, s, n), slice(x, axis, 0, s));
    }

    /** The top-left h x w of x. */
    static SDVariable crop(SDVariable x, long h, long w) {
        return x.get(SDIndex.all(), SDIndex.interval(0L, h), SDIndex.interval(0L, w), SDIndex.all());
    }

    private static SDVariable slice(SDVariable x, int axis, long from, long to) {
        SDIndex range = SDIndex.interval(from, to);
        return axis == 1 ? x.get(SDIndex.all(), range, SDIndex.all(), SDIndex.all())
                : x.get(SDIndex.all(), SDIndex.all(), range, SDIndex.all());
    }
}
