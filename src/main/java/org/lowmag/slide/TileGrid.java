package org.lowmag.slide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.lowmag.tiff.RandomAccessSource;
import org.lowmag.tiff.TiffTileDecoder;

/**
 * Reads a rectangle of an image stored as a grid of tiles: the tiles it touches are decoded and
 * copied into their part of the output, outside the image is white. A tile at column {@code tx} and
 * row {@code ty} covers {@code [tx tw, tx tw + w) x [ty th, ty th + h)} with {@code w = min(tw, W -
 * tx tw)} (its pixels' row length) and {@code h} its pixel count over {@code w}. Reads of at least
 * {@link #PARALLEL_MIN_TILES} tiles decode rows of tiles in parallel (common fork-join pool, one
 * decoder per row); every tile lands in its own part of the output, so the pixels do not depend on
 * the order.
 */
final class TileGrid {

    /** Reads touching at least this many tiles decode them on several threads. */
    static final int PARALLEL_MIN_TILES = 8;

    /** The packed {@code 0xRRGGBB} pixels of one tile, row-major. */
    @FunctionalInterface
    interface Tiles {
        /**
         * @param decoder a decoder for this row of tiles (not shared between threads)
         * @param tile the tile index, row-major over {@code tilesPerRow}
         * @return its pixels
         * @throws IOException when reading or decoding fails
         */
        int[] pixels(TiffTileDecoder decoder, int tile) throws IOException;
    }

    private TileGrid() {}

    /**
     * @param source the file
     * @param order its byte order
     * @param widthPx image width {@code W}
     * @param heightPx image height
     * @param tileWidthPx tile width {@code tw}
     * @param tileHeightPx tile height {@code th}
     * @param tilesPerRow tiles in a row of the grid (the index stride)
     * @param x rectangle left, may lie outside the image
     * @param y rectangle top
     * @param width rectangle width
     * @param height rectangle height
     * @param tiles the tiles' pixels
     * @return {@code width x height} packed pixels, row-major
     * @throws IOException when a tile cannot be read
     */
    static int[] read(
            RandomAccessSource source,
            ByteOrder order,
            long widthPx,
            long heightPx,
            int tileWidthPx,
            int tileHeightPx,
            int tilesPerRow,
            long x,
            long y,
            int width,
            int height,
            Tiles tiles)
            throws IOException {
        int[] out = new int[Math.multiplyExact(width, height)];
        Arrays.fill(out, 0xFFFFFF);
        long x0 = Math.max(0, x);
        long y0 = Math.max(0, y);
        long x1 = Math.min(widthPx, x + width);
        long y1 = Math.min(heightPx, y + height);
        if (x0 >= x1 || y0 >= y1) {
            return out;
        }
        int tw = tileWidthPx;
        int th = tileHeightPx;
        long firstRow = y0 / th;
        int rows = (int) ((y1 - 1) / th - firstRow + 1);
        long tilesAcross = (x1 - 1) / tw - x0 / tw + 1;
        IntStream rowStream = IntStream.range(0, rows);
        if (rows > 1 && rows * tilesAcross >= PARALLEL_MIN_TILES) {
            rowStream = rowStream.parallel();
        }
        try {
            rowStream.forEach(
                    r -> {
                        long ty = firstRow + r;
                        try (TiffTileDecoder decoder = new TiffTileDecoder(source, order)) {
                            for (long tx = x0 / tw; tx * tw < x1; tx++) {
                                int tile = (int) (ty * tilesPerRow + tx);
                                int[] pixels = tiles.pixels(decoder, tile);
                                int tileW = (int) Math.min(tw, widthPx - tx * tw);
                                copyTile(
                                        pixels, tileW, tx * tw, ty * th, out, x, y, width, x0, y0,
                                        x1, y1);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    /** Copies the part of a tile at {@code (tileX, tileY)} inside {@code [x0,x1) x [y0,y1)}. */
    private static void copyTile(
            int[] tile,
            int tileW,
            long tileX,
            long tileY,
            int[] out,
            long outX,
            long outY,
            int outW,
            long x0,
            long y0,
            long x1,
            long y1) {
        int tileH = tile.length / tileW;
        long cx0 = Math.max(x0, tileX);
        long cx1 = Math.min(x1, tileX + tileW);
        long cy0 = Math.max(y0, tileY);
        long cy1 = Math.min(y1, tileY + tileH);
        int n = (int) (cx1 - cx0);
        for (long row = cy0; row < cy1; row++) {
            int src = (int) ((row - tileY) * tileW + (cx0 - tileX));
            int dst = (int) ((row - outY) * outW + (cx0 - outX));
            System.arraycopy(tile, src, out, dst, n);
        }
    }
}
