package vlfer.model.encoder.swin;

/**
 * How torchvision's {@code shifted_window_attention} lays windows over an H x W map: the map is
 * padded at the bottom and right to whole windows; a shifted block rolls it by half a window
 * unless one window already covers that side; after the roll, tokens that were not neighbours
 * get -100 added to their attention logits; every pair of tokens in a window gets its relative
 * position's bias. Pure arithmetic, so it is tested without a network.
 */
public final class WindowGeometry {
    static final float MASKED = -100f;

    private final int height;
    private final int width;
    private final int window;
    private final int padBottom;
    private final int padRight;
    private final int shiftRows;
    private final int shiftCols;

    /** {@code shifted}: an odd block of a stage, which torchvision gives shift {@code window / 2}. */
    public WindowGeometry(int height, int width, int window, boolean shifted) {
        this.height = height;
        this.width = width;
        this.window = window;
        this.padBottom = (window - height % window) % window;
        this.padRight = (window - width % window) % window;
        // torchvision drops the shift on a side that one window covers
        this.shiftRows = shifted && window < paddedHeight() ? window / 2 : 0;
        this.shiftCols = shifted && window < paddedWidth() ? window / 2 : 0;
    }

    public int paddedHeight() {
        return height + padBottom;
    }

    public int paddedWidth() {
        return width + padRight;
    }

    public int padBottom() {
        return padBottom;
    }

    public int padRight() {
        return padRight;
    }

    public int shiftRows() {
        return shiftRows;
    }

    public int shiftCols() {
        return shiftCols;
    }

    public boolean shifts() {
        return shiftRows + shiftCols > 0;
    }

    public int windowsDown() {
        return paddedHeight() / window;
    }

    public int windowsAcross() {
        return paddedWidth() / window;
    }

    public int windows() {
        return windowsDown() * windowsAcross();
    }

    /** Tokens per window. */
    public int tokens() {
        return window * window;
    }

    /** Rows of the relative-position bias table: (2w - 1)^2. */
    public int relativePositions() {
        return (2 * window - 1) * (2 * window - 1);
    }

    /** torchvision's {@code relative_position_index}: the table row for query token a and key token b, as [a * T + b]. */
    public int[] relativePositionIndex() {
        int t = tokens();
        int[] index = new int[t * t];
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                int dRow = a / window - b / window + window - 1;
                int dCol = a % window - b % window + window - 1;
                index[a * t + b] = dRow * (2 * window - 1) + dCol;
            }
        }
        return index;
    }

    /**
     * The shifted windows' mask as [window][a * T + b]: 0 where tokens a and b came from the same
     * region of the padded map before the roll, -100 elsewhere; null when the block does not shift.
     */
    public float[][] shiftMask() {
        if (!shifts()) {
            return null;
        }
        int[][] region = new int[paddedHeight()][paddedWidth()];
        for (int r = 0; r < paddedHeight(); r++) {
            for (int c = 0; c < paddedWidth(); c++) {
                region[r][c] = band(r, paddedHeight(), shiftRows) * 3 + band(c, paddedWidth(), shiftCols);
            }
        }
        int t = tokens();
        float[][] mask = new float[windows()][t * t];
        for (int w = 0; w < windows(); w++) {
            int top = (w / windowsAcross()) * window;
            int left = (w % windowsAcross()) * window;
            for (int a = 0; a < t; a++) {
                for (int b = 0; b < t; b++) {
                    int ra = region[top + a / window][left + a % window];
                    int rb = region[top + b / window][left + b % window];
                    mask[w][a * t + b] = ra == rb ? 0f : MASKED;
                }
            }
        }
        return mask;
    }

    /**
     * torchvision's slices {@code (0, -w), (-w, -s), (-s, None)} along one side of length n. With
     * s = 0 the last slice is Python's {@code [-0:]}, the whole side, which overwrites the others.
     */
    private int band(int i, int n, int shift) {
        if (shift == 0) {
            return 2;
        }
        if (i < n - window) {
            return 0;
        }
        return i < n - shift ? 1 : 2;
    }
}
