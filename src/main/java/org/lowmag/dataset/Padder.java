package org.lowmag.dataset;

/**
 * A model's padding of small inputs: {@link InputPadding} with the network's total stride and the
 * fill of {@link InputPadding#MEAN}.
 *
 * @param mode how to pad
 * @param minSidePx sides below this are padded to it (the network's total stride)
 * @param meanRgb the fill of {@link InputPadding#MEAN} (three values 0-255)
 */
public record Padder(InputPadding mode, int minSidePx, int[] meanRgb) {

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
        return new Padder(InputPadding.NONE, 1, new int[3]);
    }

    /**
     * @param img an image
     * @return it padded (or itself when nothing is padded)
     */
    public RgbImage apply(RgbImage img) {
        return mode.apply(img, minSidePx, meanRgb);
    }
}
