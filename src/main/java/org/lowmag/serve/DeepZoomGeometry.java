package org.lowmag.serve;

import org.lowmag.slide.RegionRequest;

/**
 * The Deep Zoom pyramid of a slide (the layout OpenSeadragon's {@code DziTileSource} reads).
 *
 * <p>With {@code W x H} the level-0 size, the top Deep Zoom level is {@code maxLevel =
 * ceil(log2(max(W, H)))} and is level 0 of the slide; Deep Zoom level {@code l} is the slide
 * downsampled by {@code s = 2^(maxLevel - l)}: {@code ceil(W / s) x ceil(H / s)} pixels, cut into
 * {@code tileSizePx} squares from the top left with no overlap (the last column and row narrower).
 * Tile {@code (col, row)} of level {@code l} covers level-0 pixels {@code [col T s, (col T + w) s)}
 * horizontally, {@code w} its width in level-{@code l} pixels (the same vertically).
 *
 * @param widthPx level-0 width
 * @param heightPx level-0 height
 * @param tileSizePx the tile side in pixels, at least 16
 */
public record DeepZoomGeometry(long widthPx, long heightPx, int tileSizePx) {

    /** Validates the sizes. */
    public DeepZoomGeometry {
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException(
                    "slide size must be positive, got " + widthPx + "x" + heightPx);
        }
        if (tileSizePx < 16) {
            throw new IllegalArgumentException("tile size must be >= 16, got " + tileSizePx);
        }
    }

    /**
     * @return {@code ceil(log2(max(W, H)))}: the Deep Zoom level at full resolution
     */
    public int maxLevel() {
        long side = Math.max(widthPx, heightPx);
        int level = 0;
        while ((1L << level) < side) {
            level++;
        }
        return level;
    }

    /**
     * @param level a Deep Zoom level
     * @return level-0 pixels per pixel of that level, {@code 2^(maxLevel - level)}
     */
    public long downsample(int level) {
        checkLevel(level);
        return 1L << (maxLevel() - level);
    }

    /**
     * @param level a Deep Zoom level
     * @return its width, {@code ceil(W / s)}
     */
    public long levelWidthPx(int level) {
        long s = downsample(level);
        return (widthPx + s - 1) / s;
    }

    /**
     * @param level a Deep Zoom level
     * @return its height, {@code ceil(H / s)}
     */
    public long levelHeightPx(int level) {
        long s = downsample(level);
        return (heightPx + s - 1) / s;
    }

    /**
     * @param level a Deep Zoom level
     * @return the number of tile columns
     */
    public long columns(int level) {
        return (levelWidthPx(level) + tileSizePx - 1) / tileSizePx;
    }

    /**
     * @param level a Deep Zoom level
     * @return the number of tile rows
     */
    public long rows(int level) {
        return (levelHeightPx(level) + tileSizePx - 1) / tileSizePx;
    }

    /**
     * The region to read for a tile. It may reach past the slide's right or bottom edge by less
     * than {@code s} level-0 pixels (the reader fills it with white), so that the region's output
     * is exactly the tile's size.
     *
     * @param level a Deep Zoom level
     * @param col the tile column
     * @param row the tile row
     * @return the level-0 region and downsample whose output is the tile
     * @throws IllegalArgumentException when the level or tile does not exist
     */
    public RegionRequest tile(int level, long col, long row) {
        checkLevel(level);
        if (col < 0 || row < 0 || col >= columns(level) || row >= rows(level)) {
            throw new IllegalArgumentException(
                    "no tile " + col + "_" + row + " at Deep Zoom level " + level);
        }
        long s = downsample(level);
        long x = col * tileSizePx;
        long y = row * tileSizePx;
        long w = Math.min(tileSizePx, levelWidthPx(level) - x);
        long h = Math.min(tileSizePx, levelHeightPx(level) - y);
        return new RegionRequest(x * s, y * s, w * s, h * s, s);
    }

    /**
     * @return the DZI descriptor (XML) of this pyramid with JPEG tiles
     */
    public String dziXml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Image xmlns=\"http://schemas.microsoft.com/deepzoom/2008\" Format=\"jpg\""
                + " Overlap=\"0\" TileSize=\""
                + tileSizePx
                + "\"><Size Width=\""
                + widthPx
                + "\" Height=\""
                + heightPx
                + "\"/></Image>\n";
    }

    private void checkLevel(int level) {
        if (level < 0 || level > maxLevel()) {
            throw new IllegalArgumentException(
                    "Deep Zoom level " + level + " is not in [0, " + maxLevel() + "]");
        }
    }
}
