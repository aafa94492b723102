package org.lowmag.slide;

/**
 * One-dimensional area-average (box) resampling weights.
 *
 * <p>Output pixel {@code i} covers the source interval {@code [a_i, b_i)} with {@code a_i = start +
 * i * step} and {@code b_i = a_i + step} (source pixel {@code k} covers {@code [k, k + 1)}). Its
 * value is the area average
 *
 * <pre>
 *   out[i] = sum_k src[k] * |[k, k+1) ∩ [a_i, b_i)| / step
 * </pre>
 *
 * over the source pixels it touches. Overlaps below {@link #EPSILON} pixels are dropped (floating
 * error) and the weights renormalised to sum to 1, so an aligned {@code step == 1} gives exactly
 * one weight of 1 (an exact copy), and {@code step == 2} averages pairs. Works for {@code step < 1}
 * too (mild upsampling: each output takes the one or two pixels its box touches).
 */
final class AreaWeights {

    /** Overlaps smaller than this (in source pixels) are treated as zero. */
    static final double EPSILON = 1e-6;

    private final int[] first;
    private final int[] offsets;
    private final float[] weights;
    private final boolean identity;

    private AreaWeights(int[] first, int[] offsets, float[] weights) {
        this.first = first;
        this.offsets = offsets;
        this.weights = weights;
        boolean copy = true;
        for (int i = 0; i < first.length && copy; i++) {
            copy = count(i) == 1 && first[i] == first[0] + i && weights[offsets[i]] == 1f;
        }
        this.identity = copy;
    }

    /**
     * @return whether output {@code i} is exactly source {@code first(0) + i} (an aligned copy)
     */
    boolean isIdentity() {
        return identity;
    }

    /**
     * @param start source coordinate of the left edge of output pixel 0
     * @param step source pixels per output pixel, positive
     * @param count number of output pixels, positive
     * @return the weights
     */
    static AreaWeights compute(double start, double step, int count) {
        if (!(step > 0) || Double.isInfinite(step) || count <= 0) {
            throw new IllegalArgumentException(
                    "bad resampling geometry: step " + step + ", count " + count);
        }
        int[] first = new int[count];
        int[] offsets = new int[count + 1];
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) count * ((long) step + 2));
        float[] weights = new float[capacity];
        int used = 0;
        for (int i = 0; i < count; i++) {
            double a = start + i * step;
            double b = a + step;
            long lo = (long) Math.floor(a + EPSILON);
            long hi = Math.max(lo, (long) Math.ceil(b - EPSILON) - 1);
            first[i] = Math.toIntExact(lo);
            offsets[i] = used;
            double sum = 0;
            for (long k = lo; k <= hi; k++) {
                sum += Math.max(0, Math.min(b, k + 1) - Math.max(a, k));
            }
            for (long k = lo; k <= hi; k++) {
                double overlap = Math.max(0, Math.min(b, k + 1) - Math.max(a, k));
                weights[used++] = sum > 0 ? (float) (overlap / sum) : 1f / (hi - lo + 1);
            }
        }
        offsets[count] = used;
        return new AreaWeights(first, offsets, weights);
    }

    /**
     * @param i output index
     * @return the first source index output {@code i} reads
     */
    int first(int i) {
        return first[i];
    }

    /**
     * @param i output index
     * @return how many source pixels output {@code i} reads
     */
    int count(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /**
     * @param i output index
     * @param k 0-based position among its source pixels
     * @return the weight of source pixel {@code first(i) + k}
     */
    float weight(int i, int k) {
        return weights[offsets[i] + k];
    }

    /**
     * @param i output index
     * @return one past the last source index output {@code i} reads
     */
    int end(int i) {
        return first[i] + count(i);
    }
}
