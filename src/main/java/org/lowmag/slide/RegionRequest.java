package org.lowmag.slide;

/**
 * A region of a slide: its top-left corner and size in level-0 pixels, and the downsample at which
 * to read it. The result has {@code max(1, round(widthL0 / downsample)) x max(1, round(heightL0 /
 * downsample))} pixels, see {@link #widthPx()} and {@link #heightPx()}.
 *
 * @param x left edge in level-0 pixels
 * @param y top edge in level-0 pixels
 * @param widthL0 width in level-0 pixels
 * @param heightL0 height in level-0 pixels
 * @param downsample level-0 pixels per output pixel (1 = full resolution), at least 1
 */
public record RegionRequest(long x, long y, long widthL0, long heightL0, double downsample) {

    /** Validates the request. */
    public RegionRequest {
        if (widthL0 <= 0 || heightL0 <= 0) {
            throw new IllegalArgumentException(
                    "region must have a positive size, got " + widthL0 + "x" + heightL0);
        }
        if (!(downsample >= 1.0) || Double.isInfinite(downsample)) {
            throw new IllegalArgumentException(
                    "downsample must be a finite number >= 1, got " + downsample);
        }
        if (widthL0 / downsample >= Integer.MAX_VALUE
                || heightL0 / downsample >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "region output is too large: "
                            + widthL0
                            + "x"
                            + heightL0
                            + " at downsample "
                            + downsample);
        }
    }

    /**
     * @return output width in pixels: {@code max(1, round(widthL0 / downsample))}
     */
    public int widthPx() {
        return (int) Math.max(1, Math.round(widthL0 / downsample));
    }

    /**
     * @return output height in pixels: {@code max(1, round(heightL0 / downsample))}
     */
    public int heightPx() {
        return (int) Math.max(1, Math.round(heightL0 / downsample));
    }
}
