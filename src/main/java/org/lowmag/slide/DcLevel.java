package org.lowmag.slide;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.lowmag.tiff.JpegDcDecoder;
import org.lowmag.tiff.TiffPage;
import org.lowmag.tiff.TiffTileDecoder;

/**
 * A JPEG-tiled TIFF level seen at 1/8 scale: pixel {@code k} is the mean of the level's 8 x 8 block
 * {@code [8k, 8k + 8)} (both axes), taken from the block's DC coefficient without an inverse DCT
 * ({@link TiffTileDecoder#decodeDc}). A tile the DC decoder does not support is decoded in full and
 * box-averaged instead ({@link JpegDcDecoder#boxMean}). Reading a 40,000 x 30,000 px single-level
 * slide this way for a 2,048 px thumbnail entropy-decodes every tile once but transforms none, so a
 * plain big TIFF without a pyramid gets its tissue overview without decoding every pixel.
 *
 * <p>The {@link RegionRenderer} area-averages it further like any level ({@code downsample = 8 W /
 * levelWidth}), so a thumbnail from it is the box average of block means: the same area average as
 * from the level itself, up to JPEG's rounding and chroma upsampling, and the fraction of a block
 * at the level's right and bottom edges (a DC block also averages the encoder's padding there).
 * Thread-safe: every read opens its own decoder.
 */
final class DcLevel implements LevelPixelSource {

    /** Level pixels per DC pixel, each way. */
    static final int SCALE = 8;

    private final FileChannel channel;
    private final ByteOrder order;
    private final String path;
    private final TiffPage page;
    private final double downsampleX;
    private final double downsampleY;

    /**
     * @param channel the open file
     * @param order its byte order
     * @param path the file, for messages
     * @param page the level ({@link TiffTileDecoder#supportsDc} must hold)
     * @param levelDownsampleX level-0 pixels per level pixel across
     * @param levelDownsampleY and down
     */
    DcLevel(
            FileChannel channel,
            ByteOrder order,
            String path,
            TiffPage page,
            double levelDownsampleX,
            double levelDownsampleY) {
        if (!TiffTileDecoder.supportsDc(page)) {
            throw new IllegalArgumentException(path + ": IFD " + page.ifd + " has no DC level");
        }
        this.channel = channel;
        this.order = order;
        this.path = path;
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
        int[] out = new int[Math.multiplyExact(width, height)];
        Arrays.fill(out, 0xFFFFFF);
        long dcW = (page.widthPx + SCALE - 1) / SCALE;
        long dcH = (page.heightPx + SCALE - 1) / SCALE;
        long x0 = Math.max(0, x);
        long y0 = Math.max(0, y);
        long x1 = Math.min(dcW, x + width);
        long y1 = Math.min(dcH, y + height);
        if (x0 >= x1 || y0 >= y1) {
            return out;
        }
        int tw = page.tileWidthPx / SCALE;
        int th = page.tileHeightPx / SCALE;
        try (TiffTileDecoder decoder = new TiffTileDecoder(channel, order, path)) {
            for (long ty = y0 / th; ty * th < y1; ty++) {
                for (long tx = x0 / tw; tx * tw < x1; tx++) {
                    int tile = (int) (ty * page.tilesAcross() + tx);
                    int tileW = (int) Math.min(tw, dcW - tx * tw);
                    int[] px = tilePixels(decoder, tile);
                    int tileH = px.length / tileW;
                    for (long r = Math.max(y0, ty * th); r < Math.min(y1, ty * th + tileH); r++) {
                        long c0 = Math.max(x0, tx * tw);
                        long c1 = Math.min(x1, tx * tw + tileW);
                        System.arraycopy(
                                px,
                                (int) ((r - ty * th) * tileW + (c0 - tx * tw)),
                                out,
                                (int) ((r - y) * width + (c0 - x)),
                                (int) (c1 - c0));
                    }
                }
            }
        }
        return out;
    }

    private int[] tilePixels(TiffTileDecoder decoder, int tile) throws IOException {
        int[] dc = decoder.decodeDc(page, tile);
        return dc != null
                ? dc
                : JpegDcDecoder.boxMean(
                        RgbPixels.toRgb(decoder.decode(page, tile)), width(tile), SCALE);
    }

    private int width(int tile) {
        int col = tile % page.tilesAcross();
        return Math.min(page.tileWidthPx, page.widthPx - col * page.tileWidthPx);
    }
}
