package org.lowmag.eval;

/**
 * Sample quantiles by linear interpolation between order statistics: Hyndman and Fan's definition
 * 7, the default of R's {@code quantile} and NumPy's {@code percentile(method="linear")}.
 *
 * <p>For sorted values {@code x_0 <= ... <= x_{n-1}} and a probability {@code q} in [0, 1]:
 *
 * <pre>
 *   h = (n - 1) q,   j = floor(h),   Q(q) = x_j + (h - j) (x_{j+1} - x_j)   (Q(1) = x_{n-1})
 * </pre>
 */
public final class Percentiles {

    private Percentiles() {}

    /**
     * @param sorted values in ascending order, at least one
     * @param q the probability, in [0, 1]
     * @return the R-7 quantile {@code Q(q)}
     * @throws IllegalArgumentException when {@code sorted} is empty or {@code q} is outside [0, 1]
     */
    public static double linear(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("cannot take a quantile of no values");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile probability q = " + q + " not in [0, 1]");
        }
        double h = (sorted.length - 1) * q;
        int j = (int) Math.floor(h);
        if (j >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double frac = h - j;
        return frac == 0 ? sorted[j] : sorted[j] + frac * (sorted[j + 1] - sorted[j]);
    }
}
