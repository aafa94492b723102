package org.lowmag.slide;

import java.io.IOException;
import java.nio.ByteOrder;
import org.lowmag.tiff.BoxMean;
import org.lowmag.tiff.RandomAccessSource;
import org.lowmag.tiff.TiffPage;
import org.lowmag.tiff.TiffTileDecoder;

/**
 * A JPEG-tiled TIFF level seen at 1/8 scale: pixel {@code k} is the mean of the level's 8 x 8 block
 * {@code [8k, 8k + 8)} (both axes), taken from the block's DC coefficient without an inverse DCT
 * ({@link TiffTileDecoder#decodeDc}). A tile the DC decoder does not support is decoded in full and
 * box-averaged instead ({@link BoxMean}). Reading a 40,000 x 30,000 px single-level slide this way
 * for a 2,048 px thumbnail entropy-decodes every tile once but transforms none, so a plain big TIFF
 * without a pyramid gets its tissue overview without decoding every pixel.
 *
 * <p>The {@link RegionRenderer} area-averages it further like any level ({@code downsample = 8 W /
 * levelWidth}), so a thumbnail from it is the box average of block means: the same area average as
 * from the level itself, up to JPEG's rounding and chroma upsampling, and the fraction of a block
 * at the level's right and bottom edges (a DC block also averages the encoder's padding there).
 * Rows of tiles are decoded in parallel as in a level read ({@link TileGrid}). Thread-safe: every
 * read opens its own decoders.
 */
final class DcLevel implements LevelPixelSource {

    /** Level pixels per DC pixel, each way. */
    static final int SCALE = 8;

    private final RandomAccessSource source;
    private final ByteOrder order;
    private final TiffPage page;
    private final double downsampleX;
    private final double downsampleY;

    /**
     * @param source the open file
     * @param order its byte order
     * @param page the level ({@link TiffTileDecoder#supportsDc} must hold)
     * @param levelDownsampleX level-0 pixels per level pixel across
     * @param levelDownsampleY and down
     */
    DcLevel(
            RandomAccessSource source,
            ByteOrder order,
            TiffPage page,
            double levelDownsampleX,
            double levelDownsampleY) {
        if (!TiffTileDecoder.supportsDc(page)) {
            throw new IllegalArgumentException(
                    source.name() + ": IFD " + page.ifd + " has no DC level");
        }
        this.source = source;
        this.order = order;
        this.page = page;
        this.downsampleX = SCALE * levelDownsampleX;
        this.downsampleY = SCALE * levelDownsampleY;
    }

    @Override
    public double downsampleX(int level) {
        return downsampleX;
    }

    @Override
    public double downsampleY(int level) {
        return downsampleY;
    }

    /** Reads DC pixels; {@code level} is ignored (this source has one level). */
    @Override
    public int[] readLevel(int level, long x, long y, int width, int height) throws IOException {
        return TileGrid.read(
                source,
                order,
                (page.widthPx + SCALE - 1) / SCALE,
                (page.heightPx + SCALE - 1) / SCALE,
                page.tileWidthPx / SCALE,
                page.tileHeightPx / SCALE,
                page.tilesAcross(),
                x,
                y,
                width,
                height,
                this::tilePixels);
    }

    private int[] tilePixels(TiffTileDecoder decoder, int tile) throws IOException {
        int[] dc = decoder.decodeDc(page, tile);
        return dc != null
                ? dc
                : BoxMean.of(RgbPixels.toRgb(decoder.decode(page, tile)), width(tile), SCALE);
    }

    private int width(int tile) {
        int col = tile % page.tilesAcross();
        return Math.min(page.tileWidthPx, page.widthPx - col * page.tileWidthPx);
    }
}
