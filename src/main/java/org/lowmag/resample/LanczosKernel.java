package org.lowmag.resample;

/**
 * The Lanczos-3 windowed sinc kernel.
 *
 * <p>Formula: {@code L(x) = sinc(x) * sinc(x / 3)} for {@code -3 <= x < 3}, else 0, with {@code
 * sinc(x) = sin(pi x) / (pi x)} and {@code sinc(0) = 1}. The half-open interval is Pillow's ({@code
 * lanczos_filter} in {@code libImaging/Resample.c}).
 */
public final class LanczosKernel {

    /** Half-width of the kernel in units of (possibly stretched) input pixels: 3. */
    public static final double SUPPORT = 3.0;

    private LanczosKernel() {}

    /**
     * Evaluates the kernel.
     *
     * @param x distance from the kernel centre, in (stretched) pixels
     * @return {@code sinc(x) sinc(x/3)} for {@code -3 <= x < 3}, else 0
     */
    public static double weight(double x) {
        if (-SUPPORT <= x && x < SUPPORT) {
            return sinc(x) * sinc(x / SUPPORT);
        }
        return 0.0;
    }

    /**
     * The normalised sinc.
     *
     * @param x the argument
     * @return {@code sin(pi x) / (pi x)}, 1 at 0
     */
    static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = x * Math.PI;
        return Math.sin(px) / px;
    }
}
