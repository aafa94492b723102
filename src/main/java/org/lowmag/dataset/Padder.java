package org.lowmag.dataset;

/**
 * A model's padding of its inputs: {@link InputPadding} with the network's total stride {@code s},
 * the sides it pads to, and the fill of {@link InputPadding#MEAN}. A side {@code n} becomes {@code
 * max(n, s)} (pad only what is below the stride) or, with {@code toMultiple}, {@code s * ceil(n /
 * s)} (every side a whole number of strides, so each stride-2 layer halves it exactly and no
 * layer's output has a column or row that only partly covers the tissue).
 *
 * @param mode how to pad
 * @param minSidePx the network's total stride {@code s}
 * @param toMultiple pad every side to a multiple of {@code s} rather than only up to {@code s}
 * @param meanRgb the fill of {@link InputPadding#MEAN} (three values 0-255)
 */
public record Padder(InputPadding mode, int minSidePx, boolean toMultiple, int[] meanRgb) {

    /** Validates and copies. */
    public Padder {
        if (minSidePx < 1) {
            throw new IllegalArgumentException("minSidePx must be positive, got " + minSidePx);
        }
        if (meanRgb.length != 3) {
            throw new IllegalArgumentException("meanRgb needs 3 values");
        }
        meanRgb = meanRgb.clone();
    }

    /**
     * @return a padder that leaves every image as it is (for reading statistics)
     */
    public static Padder none() {
        return new Padder(InputPadding.NONE, 1, false, new int[3]);
    }

    /**
     * @param img an image
     * @return it padded (or itself when nothing is padded)
     */
    public RgbImage apply(RgbImage img) {
        return mode.apply(img, side(img.widthPx()), side(img.heightPx()), meanRgb);
    }

    /**
     * @param n a side in pixels
     * @return the padded side
     */
    public int side(int n) {
        if (toMultiple) {
            return (int) (((long) n + minSidePx - 1) / minSidePx * minSidePx);
        }
        return Math.max(n, minSidePx);
    }
}
