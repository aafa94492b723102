package org.lowmag.tissue;

/** How the smoothed grey image is turned into tissue / background. */
public enum ThresholdMethod {
    /**
     * tissueloc's rule: the smoothed grey image is divided by its maximum and pixels strictly below
     * {@link TissueParams#threshold()} (default 0.8) are tissue.
     */
    FIXED,
    /**
     * Otsu's threshold on a 256-bin histogram of the normalised smoothed grey image (bins spanning
     * its minimum..maximum, as {@code skimage.filters.threshold_otsu}); pixels at or below it are
     * tissue.
     */
    OTSU
}
