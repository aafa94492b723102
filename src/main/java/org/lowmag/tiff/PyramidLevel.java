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
     * at ({@code x0}, {@code y0}); partial blocks at the edges average what exists.
     */
    void addBlock(int[] px, int w, int h, int x0, int y0, int f) {
        int ow = PyramidTiffWriter.ceilDiv(w, f);
        int oh = PyramidTiffWriter.ceilDiv(h, f);
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int n = 0;
                for (int j = oy * f; j < Math.min(h, oy * f + f); j++) {
                    for (int i = ox * f; i < Math.min(w, ox * f + f); i++) {
                        int p = px[j * w + i];
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                        n++;
                    }
                }
                int half = n / 2;
                strip[(y0 + oy) * width + x0 + ox] =
                        ((r + half) / n) << 16 | ((g + half) / n) << 8 | ((b + half) / n);
            }
        }
    }
}
