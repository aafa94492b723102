package org.lowmag.slide;

import java.io.IOException;

/** Pixel access to the levels of a pyramid, in level pixels: what a backend gives the renderer. */
interface LevelPixelSource {

    /**
     * @param level pyramid level
     * @return level-0 pixels per level pixel horizontally: level pixel {@code k} covers level-0
     *     {@code [k * dsX, (k + 1) * dsX)}
     */
    double downsampleX(int level);

    /**
     * @param level pyramid level
     * @return level-0 pixels per level pixel vertically
     */
    double downsampleY(int level);

    /**
     * Reads a rectangle of a level as packed {@code 0xRRGGBB}, row-major. Parts outside the level
     * are white.
     *
     * @param level pyramid level
     * @param x left edge in level pixels (may be negative)
     * @param y top edge in level pixels (may be negative)
     * @param width width in pixels, positive
     * @param height height in pixels, positive
     * @return {@code width * height} pixels
     * @throws IOException when the file cannot be read
     */
    int[] readLevel(int level, long x, long y, int width, int height) throws IOException;
}
