package vlfer.data.image;

import java.io.Serializable;
import java.util.Arrays;

/** What an encoder expects: input size and per-channel (RGB) normalisation. */
public record InputSpec(int height, int width, float[] mean, float[] std) implements Serializable {
    public InputSpec {
        if (height < 8 || width < 8) {
            throw new IllegalArgumentException("input size " + height + "x" + width + " is too small");
        }
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 values (RGB)");
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    public int pixels() {
        return height * width;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputSpec s && s.height == height && s.width == width
                && Arrays.equals(s.mean, mean) && Arrays.equals(s.std, std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(mean) * 17 + Arrays.hashCode(std);
    }
}
