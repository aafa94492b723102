package org.lowmag.slide;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Read access to one whole-slide image (or a plain image seen as a one-level slide).
 *
 * <p>Coordinates are always level-0 pixels; resolution is chosen by a downsample factor relative to
 * level 0 (see {@link RegionRequest}). Implementations pick the coarsest pyramid level whose
 * downsample does not exceed the requested one (within 1%) and area-average the rest, so a caller
 * never needs to know the pyramid. The readers in this package allow concurrent reads; close them
 * with try-with-resources.
 */
public interface SlideReader extends AutoCloseable {

    /**
     * @return the slide's metadata (size, levels, um/px, objective power, vendor, ...)
     */
    SlideMetadata metadata();

    /**
     * Reads a region as 8-bit RGB, background (transparent or outside the slide) as white.
     *
     * @param request the region in level-0 pixels and the downsample to read it at
     * @return an image of {@code request.widthPx() x request.heightPx()} pixels, type {@code
     *     TYPE_INT_RGB}
     * @throws IOException when the file cannot be read or decoded
     * @throws IllegalArgumentException when the region lies entirely outside the slide or its
     *     output would exceed 2^28 pixels
     */
    BufferedImage readRegion(RegionRequest request) throws IOException;

    /**
     * Reads a rectangle of one pyramid level exactly as stored: no resampling, level pixel {@code
     * (x + i, y + j)} becomes element {@code j * widthPx + i}. Level pixel {@code k} covers level-0
     * {@code [k dsX, (k + 1) dsX)} with {@code dsX = } {@link SlideMetadata#levelDownsampleX(int)}
     * (same vertically). Parts outside the level are white.
     *
     * @param level pyramid level, {@code 0 <= level < metadata().levelCount()}
     * @param xPx left edge in level pixels (may be negative)
     * @param yPx top edge in level pixels (may be negative)
     * @param widthPx width in level pixels, positive
     * @param heightPx height in level pixels, positive
     * @return {@code widthPx * heightPx} packed {@code 0xRRGGBB} pixels, row-major
     * @throws IOException when the file cannot be read or decoded
     * @throws IllegalArgumentException when the level does not exist or the rectangle is empty or
     *     larger than 2^28 pixels
     */
    int[] readLevelPixels(int level, long xPx, long yPx, int widthPx, int heightPx)
            throws IOException;

    /**
     * The overview tissue is found on, chosen as tissueloc chooses it, with a floor: the largest
     * pyramid level whose longer side is at most {@code maxSidePx} is used as it is (no resampling)
     * when that side is at least {@code maxSidePx / 2}; otherwise {@link #thumbnail(int)} renders
     * the whole slide with its longer side {@code maxSidePx}. On a scanner's pyramid this reads a
     * small level instead of decoding a level many times larger than the overview, which made
     * detection the largest fixed cost of predicting a slide; on a single-level image it equals
     * {@link #thumbnail(int)}.
     *
     * @param maxSidePx the longest side wanted, positive
     * @return the overview image, RGB
     * @throws IOException when the file cannot be read
     */
    default BufferedImage overview(int maxSidePx) throws IOException {
        if (maxSidePx <= 0) {
            throw new IllegalArgumentException("overview size must be positive, got " + maxSidePx);
        }
        return overview(maxSidePx, (maxSidePx + 1) / 2);
    }

    /**
     * An overview with a chosen floor: the largest pyramid level whose longer side lies in {@code
     * [minSidePx, maxSidePx]}, as it is (no resampling), else {@link #thumbnail(int)} of {@code
     * maxSidePx}. {@link #overview(int)} is this with {@code minSidePx = ceil(maxSidePx / 2)};
     * tissue detection asks for one level exactly ({@code minSidePx = maxSidePx}), the smallest in
     * {@code [S / 5, S]} (org.lowmag.tissue.SlideTissue), so that on a scanner's pyramid
     * (downsamples 1, 4, 16, 64 ...) it decodes a level, not a larger one resampled (a 40,000 x
     * 30,000 slide: its 625 x 469 level, not its 2,500 x 1,875 level resampled to 2,048 x 1,536).
     *
     * @param maxSidePx the longest side wanted, positive
     * @param minSidePx the shortest longer side of a level used as it is, in {@code [1, maxSidePx]}
     * @return the overview image, RGB
     * @throws IOException when the file cannot be read
     */
    default BufferedImage overview(int maxSidePx, int minSidePx) throws IOException {
        if (maxSidePx <= 0 || minSidePx <= 0 || minSidePx > maxSidePx) {
            throw new IllegalArgumentException(
                    "overview sizes must be 0 < min <= max, got min "
                            + minSidePx
                            + ", max "
                            + maxSidePx);
        }
        SlideMetadata m = metadata();
        int best = -1;
        long bestSide = 0;
        for (int level = 0; level < m.levelCount(); level++) {
            long side = Math.max(m.levelWidthsPx().get(level), m.levelHeightsPx().get(level));
            if (side <= maxSidePx && side >= minSidePx && side > bestSide) {
                best = level;
                bestSide = side;
            }
        }
        if (best < 0) {
            return thumbnail(maxSidePx);
        }
        int w = (int) (long) m.levelWidthsPx().get(best);
        int h = (int) (long) m.levelHeightsPx().get(best);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.getRaster().setDataElements(0, 0, w, h, readLevelPixels(best, 0, 0, w, h));
        return image;
    }

    /**
     * Reads the whole slide at a downsample chosen so that its longer side is {@code maxSidePx}
     * (never upsampling a smaller slide): {@code downsample = max(1, max(W, H) / maxSidePx)}.
     *
     * @param maxSidePx the longest side wanted, positive
     * @return the overview image, RGB
     * @throws IOException when the file cannot be read
     */
    default BufferedImage thumbnail(int maxSidePx) throws IOException {
        if (maxSidePx <= 0) {
            throw new IllegalArgumentException("thumbnail size must be positive, got " + maxSidePx);
        }
        SlideMetadata m = metadata();
        double downsample = Math.max(1.0, Math.max(m.widthPx(), m.heightPx()) / (double) maxSidePx);
        return readRegion(new RegionRequest(0, 0, m.widthPx(), m.heightPx(), downsample));
    }

    /**
     * Reads an associated image (e.g. {@code thumbnail}, {@code label}, {@code macro}).
     *
     * @param name one of {@link SlideMetadata#associatedImages()}
     * @return the image, {@code TYPE_INT_RGB}
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when the slide has no such image
     */
    BufferedImage readAssociatedImage(String name) throws IOException;

    /**
     * @return the name of the backend ({@code tiff}, {@code openslide}, {@code image})
     */
    String backend();

    @Override
    void close() throws IOException;
}
