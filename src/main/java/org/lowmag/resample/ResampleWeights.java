package org.lowmag.resample;

/**
 * The weights of a one-dimensional Lanczos-3 resampling from {@code inSizePx} to {@code outSizePx}
 * samples, computed exactly as Pillow's {@code precompute_coeffs} and {@code normalize_coeffs_8bpc}
 * do.
 *
 * <p>Formula, for output sample {@code i} (0-based):
 *
 * <pre>
 *   scale   = inSize / outSize                 (input pixels per output pixel)
 *   fscale  = max(scale, 1)                    (the kernel is stretched only when downsampling)
 *   support = 3 * fscale
 *   centre  = (i + 0.5) * scale
 *   first   = max(0, (int) (centre - support + 0.5))
 *   end     = min(inSize, (int) (centre + support + 0.5))
 *   w_j     = L((j - centre + 0.5) / fscale)   for first &lt;= j &lt; end, L = {@link LanczosKernel}
 *   w_j    /= sum_j w_j                        (normalised per output sample, unless the sum is 0)
 *   fixed_j = (int) (w_j * 2^22 + 0.5 * sign(w_j))   (22 fractional bits, rounded half away from 0)
 * </pre>
 *
 * The output value is then {@code clamp((2^21 + sum_j fixed_j * v_j) >> 22, 0, 255)}, see {@link
 * #apply(int)}. Instances are immutable.
 */
public final class ResampleWeights {

    /** Fractional bits of the fixed-point weights: 32 - 8 - 2, as in Pillow. */
    public static final int PRECISION_BITS = 22;

    /** The rounding offset added to every fixed-point sum: one half, {@code 2^21}. */
    static final int HALF = 1 << (PRECISION_BITS - 1);

    private final int inSizePx;
    private final int outSizePx;
    private final int kernelSize;
    private final int[] first;
    private final int[] count;
    private final double[] weights;
    private final int[] fixed;

    private ResampleWeights(int inSizePx, int outSizePx) {
        this.inSizePx = inSizePx;
        this.outSizePx = outSizePx;
        double scale = (double) inSizePx / outSizePx;
        double filterScale = Math.max(scale, 1.0);
        double support = LanczosKernel.SUPPORT * filterScale;
        this.kernelSize = (int) Math.ceil(support) * 2 + 1;
        this.first = new int[outSizePx];
        this.count = new int[outSizePx];
        this.weights = new double[outSizePx * kernelSize];
        this.fixed = new int[outSizePx * kernelSize];
        for (int i = 0; i < outSizePx; i++) {
            computeSample(i, scale, filterScale, support);
        }
    }

    private void computeSample(int i, double scale, double filterScale, double support) {
        double centre = (i + 0.5) * scale;
        double invScale = 1.0 / filterScale;
        int lo = Math.max(0, (int) (centre - support + 0.5));
        int hi = Math.min(inSizePx, (int) (centre + support + 0.5));
        int n = hi - lo;
        int base = i * kernelSize;
        double sum = 0.0;
        for (int t = 0; t < n; t++) {
            double w = LanczosKernel.weight((t + lo - centre + 0.5) * invScale);
            weights[base + t] = w;
            sum += w;
        }
        for (int t = 0; t < n; t++) {
            if (sum != 0.0) {
                weights[base + t] /= sum;
            }
            double w = weights[base + t];
            fixed[base + t] =
                    (int)
                            (w < 0
                                    ? -0.5 + w * (1 << PRECISION_BITS)
                                    : 0.5 + w * (1 << PRECISION_BITS));
        }
        first[i] = lo;
        count[i] = n;
    }

    /**
     * Computes the Lanczos-3 weights for one axis.
     *
     * @param inSizePx input samples, at least 1
     * @param outSizePx output samples, at least 1
     * @return the weights
     */
    public static ResampleWeights lanczos3(int inSizePx, int outSizePx) {
        if (inSizePx < 1 || outSizePx < 1) {
            throw new IllegalArgumentException(
                    "sizes must be at least 1, got in=" + inSizePx + " out=" + outSizePx);
        }
        double support = LanczosKernel.SUPPORT * Math.max((double) inSizePx / outSizePx, 1.0);
        long cells = (long) outSizePx * ((long) Math.ceil(support) * 2 + 1);
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "resampling " + inSizePx + " -> " + outSizePx + " px needs too many weights");
        }
        return new ResampleWeights(inSizePx, outSizePx);
    }

    /**
     * @return the input size in samples
     */
    public int inSizePx() {
        return inSizePx;
    }

    /**
     * @return the output size in samples
     */
    public int outSizePx() {
        return outSizePx;
    }

    /**
     * @return the longest possible window, {@code 2 * ceil(support) + 1}
     */
    public int kernelSize() {
        return kernelSize;
    }

    /**
     * @param i output sample
     * @return the first input sample in its window
     */
    public int first(int i) {
        return first[i];
    }

    /**
     * @param i output sample
     * @return the number of input samples in its window
     */
    public int count(int i) {
        return count[i];
    }

    /**
     * @param i output sample
     * @param t position in the window, {@code 0 <= t < count(i)}
     * @return the normalised floating-point weight of input sample {@code first(i) + t}
     */
    public double weight(int i, int t) {
        return weights[i * kernelSize + t];
    }

    /**
     * @param i output sample
     * @param t position in the window
     * @return the fixed-point weight (22 fractional bits) of input sample {@code first(i) + t}
     */
    public int fixedWeight(int i, int t) {
        return fixed[i * kernelSize + t];
    }

    /** Raw arrays for the inner loops (not copied: never modify). */
    int[] firstArray() {
        return first;
    }

    int[] countArray() {
        return count;
    }

    int[] fixedArray() {
        return fixed;
    }

    /**
     * Turns a fixed-point sum (which already includes the {@code 2^21} rounding offset) into an
     * 8-bit value: {@code clamp(sum >> 22, 0, 255)}.
     *
     * @param sum the accumulated sum
     * @return the value in 0..255
     */
    public static int apply(int sum) {
        int v = sum >> PRECISION_BITS;
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }
}
