package org.lowmag.distill;

/**
 * Weight matrices of plain (not antialiased) bicubic resizing along one axis, identical to
 * PyTorch's {@code F.interpolate(mode="bicubic", align_corners=False)}. Pure Java, no engine.
 *
 * <p>Formula, for input length {@code in} and output length {@code out}: output index {@code i}
 * reads source coordinate {@code x = (i + 0.5) * in / out - 0.5}; with {@code x0 = floor(x)} and
 * {@code t = x - x0} it takes the 4 taps {@code x0 - 1 .. x0 + 2} (indices clamped to {@code [0, in
 * - 1]}, so border samples repeat) with the cubic-convolution weights (Keys, {@code A = -0.75})
 *
 * <pre>
 * W(d) = (A + 2)|d|^3 - (A + 3)|d|^2 + 1          for |d| &lt;= 1
 * W(d) = A|d|^3 - 5A|d|^2 + 8A|d| - 4A            for 1 &lt; |d| &lt; 2
 * weights: W(t + 1), W(t), W(1 - t), W(2 - t)
 * </pre>
 *
 * When downsampling by a factor above 2 only those 4 taps are read, so most input pixels get no
 * weight: that is PyTorch's (and the paper code's) behaviour, reproduced on purpose.
 */
public final class BicubicWeights {

    /** The cubic-convolution parameter PyTorch uses. */
    public static final double A = -0.75;

    private BicubicWeights() {}

    /**
     * Computes the resize matrix of one axis.
     *
     * @param inSize the input length, at least 1
     * @param outSize the output length, at least 1
     * @return {@code M[outSize][inSize]} with {@code out = M * in}; each row sums to 1
     * @throws IllegalArgumentException when a size is below 1
     */
    public static double[][] matrix(int inSize, int outSize) {
        if (inSize < 1 || outSize < 1) {
            throw new IllegalArgumentException(
                    "bicubic sizes must be at least 1, got in=" + inSize + " out=" + outSize);
        }
        double scale = (double) inSize / outSize;
        double[][] m = new double[outSize][inSize];
        for (int i = 0; i < outSize; i++) {
            double x = (i + 0.5) * scale - 0.5;
            int x0 = Math.min((int) Math.floor(x), inSize - 1);
            double t = Math.min(Math.max(x - x0, 0.0), 1.0);
            double[] taps = {far(t + 1), near(t), near(1 - t), far(2 - t)};
            for (int k = 0; k < 4; k++) {
                int index = Math.max(0, Math.min(x0 - 1 + k, inSize - 1));
                m[i][index] += taps[k];
            }
        }
        return m;
    }

    /** W(d) for |d| <= 1. */
    static double near(double d) {
        return ((A + 2) * d - (A + 3)) * d * d + 1;
    }

    /** W(d) for 1 < |d| < 2. */
    static double far(double d) {
        return ((A * d - 5 * A) * d + 8 * A) * d - 4 * A;
    }

    /**
     * Flattens a matrix row-major (for {@code NDManager.create(double[], Shape)}).
     *
     * @param m the matrix, rectangular
     * @return its entries row by row
     */
    static double[] rowMajor(double[][] m) {
        int cols = m[0].length;
        double[] flat = new double[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, flat, r * cols, cols);
        }
        return flat;
    }
}
