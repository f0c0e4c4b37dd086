package vlfer.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vlfer.data.RejectedRow;

/**
 * What workers return from an averaging round, as a mergeable sum: parameters and updater state
 * summed with each worker's weight (the minibatches it fitted), the loss summed over minibatches,
 * the epoch positions of every face fitted, and the faces that could not be decoded. Merged on
 * the executors and the driver; {@link #average} finishes it.
 */
public final class RoundSum implements Serializable {
    private float[] params;
    private float[] updaterState;
    private long minibatches;
    private int steps;
    private double loss;
    private int[] positions = new int[0];
    private final List<RejectedRow> rejects = new ArrayList<>();

    /** Records one fitted minibatch of a worker: its loss and the positions of its faces. */
    void addMinibatch(double minibatchLoss, int[] facePositions) {
        minibatches++;
        steps++;
        loss += minibatchLoss;
        positions = concat(positions, facePositions);
    }

    void addRejects(List<RejectedRow> rows) {
        rejects.addAll(rows);
    }

    /** Adds the worker's network after its minibatches, weighted by how many it fitted. */
    void addNetwork(float[] workerParams, float[] workerState) {
        params = scaled(workerParams, minibatches);
        updaterState = scaled(workerState, minibatches);
    }

    /** Adds {@code other} into this sum (workers fit in parallel: steps is the longest worker's). */
    public RoundSum merge(RoundSum other) {
        params = sum(params, other.params);
        updaterState = sum(updaterState, other.updaterState);
        minibatches += other.minibatches;
        steps = Math.max(steps, other.steps);
        loss += other.loss;
        positions = concat(positions, other.positions);
        rejects.addAll(other.rejects);
        return this;
    }

    /** The minibatch-weighted mean of the workers' parameters, or null if no minibatch was fitted. */
    public float[] averageParams() {
        return average(params);
    }

    public float[] averageUpdaterState() {
        return average(updaterState);
    }

    public long minibatches() {
        return minibatches;
    }

    /** Optimiser steps each worker took in parallel this round (the network's iteration count moves by this). */
    public int steps() {
        return steps;
    }

    public double loss() {
        return loss;
    }

    public int[] positions() {
        return positions;
    }

    public List<RejectedRow> rejects() {
        return rejects;
    }

    private float[] average(float[] sum) {
        if (sum == null || minibatches == 0) {
            return null;
        }
        float[] out = sum.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] /= minibatches;
        }
        return out;
    }

    private static float[] scaled(float[] values, long weight) {
        if (weight == 0) {
            return null;
        }
        float[] out = values.clone();
        if (weight != 1) {
            for (int i = 0; i < out.length; i++) {
                out[i] *= weight;
            }
        }
        return out;
    }

    private static float[] sum(float[] a, float[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.length != b.length) {
            throw new IllegalStateException("workers returned networks of " + a.length + " and " + b.length + " values");
        }
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    private static int[] concat(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
