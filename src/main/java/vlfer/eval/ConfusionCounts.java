package vlfer.eval;

import java.io.Serializable;

/**
 * Confusion counts [true][predicted]: the mergeable state each partition builds and the driver
 * combines ({@code add} per sample, {@code merge} per partition), as Spark's aggregate expects.
 */
public final class ConfusionCounts implements Serializable {
    private final long[][] counts;

    public ConfusionCounts(int numClasses) {
        this.counts = new long[numClasses][numClasses];
    }

    public static ConfusionCounts of(long[][] matrix) {
        ConfusionCounts c = new ConfusionCounts(matrix.length);
        for (int i = 0; i < matrix.length; i++) {
            if (matrix[i].length != matrix.length) {
                throw new IllegalArgumentException("confusion matrix must be square");
            }
            System.arraycopy(matrix[i], 0, c.counts[i], 0, matrix.length);
        }
        return c;
    }

    public ConfusionCounts add(int label, int predicted) {
        counts[label][predicted]++;
        return this;
    }

    public ConfusionCounts merge(ConfusionCounts other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException("cannot merge " + other.counts.length + "-class counts into " + counts.length);
        }
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                counts[i][j] += other.counts[i][j];
            }
        }
        return this;
    }

    public int numClasses() {
        return counts.length;
    }

    public long get(int label, int predicted) {
        return counts[label][predicted];
    }

    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long v : row) {
                t += v;
            }
        }
        return t;
    }
}
