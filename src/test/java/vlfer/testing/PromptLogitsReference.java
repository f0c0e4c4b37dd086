package vlfer.testing;

/** Independent plain-Java references for the layers' cosines and CLIP-style per-class prompt logits. */
public final class PromptLogitsReference {
    private PromptLogitsReference() {
    }

    public static double cos(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int d = 0; d < a.length; d++) {
            ab += a[d] * b[d];
            aa += a[d] * a[d];
            bb += b[d] * b[d];
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** Per class c, the mean over the prompts p of class c of {@code scale * cos(v, prompts[p])}. */
    public static double[] classLogits(double[] v, double[][] prompts, int[] promptClass, int classes, double scale) {
        double[] out = new double[classes];
        int[] count = new int[classes];
        for (int p = 0; p < prompts.length; p++) {
            out[promptClass[p]] += scale * cos(v, prompts[p]);
            count[promptClass[p]]++;
        }
        for (int c = 0; c < classes; c++) {
            out[c] /= count[c];
        }
        return out;
    }
}
