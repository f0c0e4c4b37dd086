package vlfer.model.encoder.onednn;

/**
 * One parameter of a fused layer: its key, DL4J shape and initialisation. A weight is drawn by
 * the layer's weight init with {@code fanIn} and {@code fanOut}; a bias takes the layer's bias
 * init; anything else starts at {@code fill} (a batch norm's gamma 1, beta 0, statistics 0 and 1).
 */
public record ParamSpec(String key, long[] shape, Role role, double fill, double fanIn, double fanOut) {
    /** What a parameter is, for initialisation, weight decay and the updater. */
    public enum Role { WEIGHT, BIAS, AFFINE, STATISTIC }

    public static ParamSpec weight(String key, long[] shape, double fanIn, double fanOut) {
        return new ParamSpec(key, shape, Role.WEIGHT, 0, fanIn, fanOut);
    }

    public static ParamSpec bias(String key, long[] shape) {
        return new ParamSpec(key, shape, Role.BIAS, 0, 0, 0);
    }

    /** A parameter learned by gradient descent without weight decay, starting at {@code fill}. */
    public static ParamSpec affine(String key, long[] shape, double fill) {
        return new ParamSpec(key, shape, Role.AFFINE, fill, 0, 0);
    }

    /** A running statistic, kept up to date by the layer, starting at {@code fill}. */
    public static ParamSpec statistic(String key, long[] shape, double fill) {
        return new ParamSpec(key, shape, Role.STATISTIC, fill, 0, 0);
    }

    public long length() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
