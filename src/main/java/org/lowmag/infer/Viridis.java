package org.lowmag.infer;

/**
 * The viridis colormap (matplotlib's perceptually uniform default), linearly interpolated between
 * its nine standard stops {@code t = 0, 1/8, ..., 1}: dark purple (low) to yellow (high).
 */
public final class Viridis {

    private static final int[][] STOPS = {
        {68, 1, 84},
        {71, 44, 122},
        {59, 82, 139},
        {44, 114, 142},
        {33, 145, 140},
        {40, 174, 128},
        {94, 201, 98},
        {173, 220, 48},
        {253, 231, 37}
    };

    private Viridis() {}

    /**
     * @param t a value in [0, 1] (clamped)
     * @return packed {@code 0xRRGGBB}: {@code c = (1 - f) STOP[i] + f STOP[i + 1]} with {@code i =
     *     floor(8 t)}, {@code f = 8 t - i}, rounded
     */
    public static int rgb(double t) {
        double s = Math.min(Math.max(Double.isNaN(t) ? 0 : t, 0), 1) * (STOPS.length - 1);
        int i = Math.min((int) Math.floor(s), STOPS.length - 2);
        double f = s - i;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            int v = (int) Math.round((1 - f) * STOPS[i][c] + f * STOPS[i + 1][c]);
            rgb = (rgb << 8) | v;
        }
        return rgb;
    }
}
