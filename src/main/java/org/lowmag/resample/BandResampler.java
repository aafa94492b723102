package org.lowmag.resample;

/**
 * Resamples one band of consecutive output rows: the horizontal pass fills a ring buffer of
 * intermediate rows (8-bit values, one plane per channel laid side by side in one int array), and
 * the vertical pass combines the rows of each output row's window. Each intermediate row is
 * computed once per band; a worker may run several bands in turn (rows left in the ring from an
 * earlier band are still valid). Not thread-safe: one instance per worker thread.
 */
final class BandResampler {

    private final RowSource source;
    private final ResampleWeights wx;
    private final ResampleWeights wy;
    private final int outW;
    private final int[] rowBuffer;
    private final long[] spreadRb;
    private final int[] green;
    private final int[][] ring;
    private final int[] ringRow;
    private final int[] acc;

    BandResampler(RowSource source, ResampleWeights wx, ResampleWeights wy) {
        this.source = source;
        this.wx = wx;
        this.wy = wy;
        this.outW = wx.outSizePx();
        this.rowBuffer = new int[wx.inSizePx()];
        this.spreadRb = new long[wx.inSizePx()];
        this.green = new int[wx.inSizePx()];
        int ringSize = wy.kernelSize();
        this.ring = new int[ringSize][3 * outW];
        this.ringRow = new int[ringSize];
        java.util.Arrays.fill(ringRow, -1);
        this.acc = new int[3 * outW];
    }

    /**
     * Writes output rows {@code [y0, y1)} as packed RGB into {@code dst} (row-major, {@code outW}
     * ints a row).
     */
    void run(int y0, int y1, int[] dst) {
        int[] first = wy.firstArray();
        int[] count = wy.countArray();
        int[] fixed = wy.fixedArray();
        int ks = wy.kernelSize();
        for (int yy = y0; yy < y1; yy++) {
            int lo = first[yy];
            int n = count[yy];
            java.util.Arrays.fill(acc, ResampleWeights.HALF);
            for (int t = 0; t < n; t++) {
                accumulate(intermediateRow(lo + t), fixed[yy * ks + t]);
            }
            pack(dst, yy * outW);
        }
    }

    private void accumulate(int[] row, int weight) {
        int[] a = acc;
        for (int i = 0; i < a.length; i++) {
            a[i] += row[i] * weight;
        }
    }

    private void pack(int[] dst, int offset) {
        int w = outW;
        for (int x = 0; x < w; x++) {
            dst[offset + x] =
                    ResampleWeights.apply(acc[x]) << 16
                            | ResampleWeights.apply(acc[w + x]) << 8
                            | ResampleWeights.apply(acc[2 * w + x]);
        }
    }

    private int[] intermediateRow(int y) {
        int slot = y % ring.length;
        if (ringRow[slot] != y) {
            source.readRow(y, rowBuffer);
            horizontal(rowBuffer, ring[slot]);
            ringRow[slot] = y;
        }
        return ring[slot];
    }

    /**
     * The horizontal pass of one row: packed RGB in, three 8-bit planes out. Red and blue share one
     * {@code long} multiply: a pixel is spread to {@code R * 2^32 + B}, so the sum {@code sum w (R
     * 2^32 + B) = (sum w R) 2^32 + sum w B}; the blue sum fits a signed 32-bit int (the same bound
     * Pillow relies on), so it is the low word and the red sum is the rest.
     */
    private void horizontal(int[] src, int[] out) {
        int inW = src.length;
        long[] rb = spreadRb;
        int[] g = green;
        for (int x = 0; x < inW; x++) {
            int p = src[x];
            rb[x] = ((long) (p & 0xff0000) << 16) | (p & 0xff);
            g[x] = (p >> 8) & 0xff;
        }
        int[] first = wx.firstArray();
        int[] count = wx.countArray();
        int[] fixed = wx.fixedArray();
        int ks = wx.kernelSize();
        int w = outW;
        for (int xx = 0; xx < w; xx++) {
            int s = first[xx];
            int n = count[xx];
            int k = xx * ks;
            long accRb = ((long) ResampleWeights.HALF << 32) + ResampleWeights.HALF;
            int accG = ResampleWeights.HALF;
            for (int t = 0; t < n; t++) {
                int weight = fixed[k + t];
                accRb += rb[s + t] * weight;
                accG += g[s + t] * weight;
            }
            int accB = (int) accRb;
            out[xx] = ResampleWeights.apply((int) ((accRb - accB) >> 32));
            out[w + xx] = ResampleWeights.apply(accG);
            out[2 * w + xx] = ResampleWeights.apply(accB);
        }
    }
}
