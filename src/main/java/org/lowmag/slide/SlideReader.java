package org.lowmag.slide;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Read access to one whole-slide image (or a plain image seen as a one-level slide).
 *
 * <p>Coordinates are always level-0 pixels; resolution is chosen by a downsample factor relative to
 * level 0 (see {@link RegionRequest}). Implementations pick the finest pyramid level whose
 * downsample does not exceed the requested one and resample the rest, so a caller never needs to
 * know the pyramid. Readers are not required to be thread-safe unless they say so; close them with
 * try-with-resources.
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
     */
    BufferedImage readRegion(RegionRequest request) throws IOException;

    /**
     * Reads the whole slide at a downsample chosen so that its longer side is at most {@code
     * maxSidePx} (never upsampling a smaller slide).
     *
     * @param maxSidePx the longest side wanted
     * @return the overview image, RGB
     * @throws IOException when the file cannot be read
     */
    BufferedImage thumbnail(int maxSidePx) throws IOException;

    /**
     * @return the name of the backend ({@code tiff}, {@code openslide}, {@code image})
     */
    String backend();

    @Override
    void close() throws IOException;
}
