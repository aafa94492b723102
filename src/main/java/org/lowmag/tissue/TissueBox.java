package org.lowmag.tissue;

import java.util.OptionalDouble;

/**
 * One tissue piece: its bounding box in level-0 pixels and in analysis pixels, and its area.
 *
 * <p>Mapping, with {@code dX, dY} the analysis downsamples: {@code x = floor(ax dX)}, {@code width
 * = min(slideWidth, ceil((ax + aw) dX)) - x} (same for y), so the level-0 box covers every level-0
 * pixel under the piece's analysis pixels. Areas: {@code areaL0Px = areaPx dX dY}, {@code areaUm2 =
 * areaL0Px mppX mppY} when um/px is known, {@code mm^2 = um^2 / 10^6}.
 *
 * @param id 1-based number, in raster order of the piece's first pixel
 * @param x left edge in level-0 pixels
 * @param y top edge in level-0 pixels
 * @param width width in level-0 pixels
 * @param height height in level-0 pixels
 * @param analysisX left edge in analysis pixels
 * @param analysisY top edge in analysis pixels
 * @param analysisWidth width in analysis pixels
 * @param analysisHeight height in analysis pixels
 * @param areaPx tissue pixels of the piece at analysis resolution
 * @param areaL0Px the same area in level-0 pixels
 * @param areaUm2 the area in square micrometres, when um/px is known
 */
public record TissueBox(
        int id,
        long x,
        long y,
        long width,
        long height,
        int analysisX,
        int analysisY,
        int analysisWidth,
        int analysisHeight,
        long areaPx,
        double areaL0Px,
        OptionalDouble areaUm2) {

    /** Validates the box. */
    public TissueBox {
        if (id < 1) {
            throw new IllegalArgumentException("tissue id must be >= 1, got " + id);
        }
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "bad level-0 box " + x + "," + y + " " + width + "x" + height);
        }
        if (analysisWidth < 1 || analysisHeight < 1 || areaPx < 1) {
            throw new IllegalArgumentException(
                    "bad analysis box " + analysisWidth + "x" + analysisHeight + " area " + areaPx);
        }
        if (areaUm2 == null) {
            throw new IllegalArgumentException("areaUm2 must be given (OptionalDouble.empty())");
        }
    }

    /**
     * @return the area in square millimetres, when um/px is known
     */
    public OptionalDouble areaMm2() {
        return areaUm2.isPresent()
                ? OptionalDouble.of(areaUm2.getAsDouble() / 1e6)
                : OptionalDouble.empty();
    }
}
