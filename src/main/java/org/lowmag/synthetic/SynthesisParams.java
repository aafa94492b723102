package org.lowmag.synthetic;

/**
 * The physical set-up of a synthetic slide.
 *
 * @param mpp micrometres per level-0 pixel (0.5 = "20x"; 1.0 = "10x", as in the paper)
 * @param widthUm slide (scanned area) width in micrometres
 * @param heightUm slide height in micrometres
 * @param minPieces fewest tissue pieces per slide
 * @param maxPieces most tissue pieces per slide (fewer when they do not fit)
 * @param minTissueUm smallest tissue diameter (um)
 * @param maxTissueUm largest tissue diameter (um)
 */
public record SynthesisParams(
        double mpp,
        double widthUm,
        double heightUm,
        int minPieces,
        int maxPieces,
        double minTissueUm,
        double maxTissueUm) {

    /** Margin between tissue and the slide's edge (um). */
    static final double MARGIN_UM = 100;

    /** Validates. */
    public SynthesisParams {
        if (!(mpp >= 0.1 && mpp <= 4)) {
            throw new IllegalArgumentException("mpp must be in [0.1, 4] um/px, got " + mpp);
        }
        if (!(widthUm >= 600 && heightUm >= 600) || widthUm > 200_000 || heightUm > 200_000) {
            throw new IllegalArgumentException(
                    "slide size must be between 600 and 200000 um per side, got "
                            + widthUm
                            + " x "
                            + heightUm);
        }
        if (minPieces < 1 || maxPieces < minPieces || maxPieces > 100) {
            throw new IllegalArgumentException(
                    "tissue pieces range must be 1 <= min <= max <= 100, got "
                            + minPieces
                            + ".."
                            + maxPieces);
        }
        if (!(minTissueUm >= 200 && maxTissueUm >= minTissueUm)) {
            throw new IllegalArgumentException(
                    "tissue size range must be 200 <= min <= max um, got "
                            + minTissueUm
                            + ".."
                            + maxTissueUm);
        }
    }

    /**
     * Defaults: 2-5 tissue pieces of 0.5-2 mm on the given area.
     *
     * @param mpp micrometres per pixel
     * @param widthUm slide width (um)
     * @param heightUm slide height (um)
     * @return the parameters
     */
    public static SynthesisParams of(double mpp, double widthUm, double heightUm) {
        return new SynthesisParams(mpp, widthUm, heightUm, 2, 5, 500, 2000);
    }

    /**
     * @return level-0 width in pixels, {@code round(widthUm / mpp)}
     */
    public int widthPx() {
        return (int) Math.round(widthUm / mpp);
    }

    /**
     * @return level-0 height in pixels, {@code round(heightUm / mpp)}
     */
    public int heightPx() {
        return (int) Math.round(heightUm / mpp);
    }
}
