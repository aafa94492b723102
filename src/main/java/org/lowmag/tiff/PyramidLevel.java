package org.lowmag.tiff;

/** One pyramid level's tile bookkeeping and (for reduced levels) its current row of tiles. */
final class PyramidLevel {
    final int width;
    final int height;
    final int tilesAcross;
    final int tilesDown;
    final long[] offsets;
    final long[] counts;
    final int[] strip;

    PyramidLevel(int width, int height, int tileSizePx, boolean reduced) {
        this.width = width;
        this.height = height;
        this.tilesAcross = PyramidTiffWriter.ceilDiv(width, tileSizePx);
        this.tilesDown = PyramidTiffWriter.ceilDiv(height, tileSizePx);
        this.offsets = new long[tilesAcross * tilesDown];
        this.counts = new long[tilesAcross * tilesDown];
        this.strip = reduced ? new int[width * tileSizePx] : null;
    }

    int[] copyFromStrip(int x, int w, int h) {
        int[] out = new int[w * h];
        for (int j = 0; j < h; j++) {
            System.arraycopy(strip, j * width + x, out, j * w, w);
        }
        return out;
    }

    /**
     * Area-averages a {@code w x h} block of the finer level by {@code f} into this level's strip
     * at ({@code x0}, {@code y0}); partial blocks at the edges average what exists ({@link
     * BoxMean}).
     */
    void addBlock(int[] px, int w, int h, int x0, int y0, int f) {
        BoxMean.into(px, w, h, f, strip, y0 * width + x0, width);
    }
}
