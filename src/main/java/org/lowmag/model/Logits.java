package org.lowmag.model;

/** Plain-array helpers for one tissue's logits. */
public final class Logits {

    private Logits() {}

    /**
     * @param z values
     * @return the index of the largest (the first on ties)
     */
    public static int argMax(float[] z) {
        int best = 0;
        for (int i = 1; i < z.length; i++) {
            if (z[i] > z[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * @param p values
     * @return the index of the largest (the first on ties)
     */
    public static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Numerically stable {@code log sum_k exp(z_k) = m + log sum_k exp(z_k - m)}, {@code m = max
     * z}.
     *
     * @param z logits
     * @return the log-sum-exp
     */
    public static double logSumExp(float[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double s = 0;
        for (float v : z) {
            s += Math.exp(v - max);
        }
        return max + Math.log(s);
    }

    /**
     * Softmax probabilities: {@code p_k = exp(z_k - lse(z))}.
     *
     * @param z logits
     * @return probabilities summing to 1
     */
    public static double[] softmax(float[] z) {
        double lse = logSumExp(z);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - lse);
        }
        return p;
    }
}
