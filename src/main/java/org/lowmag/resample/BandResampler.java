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
    private final ResampleWeights wy;
    private final int outW;
    private final int[] rowBuffer;
    private final HorizontalPass horizontal;
    private final int[][] ring;
    private final int[] ringRow;
    private final int[] acc;

    BandResampler(RowSource source, ResampleWeights wx, ResampleWeights wy) {
        this.source = source;
        this.wy = wy;
        this.outW = wx.outSizePx();
        this.rowBuffer = new int[wx.inSizePx()];
        this.horizontal = new HorizontalPass(wx);
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
                accumulate(acc, intermediateRow(lo + t), fixed[yy * ks + t]);
            }
            pack(acc, outW, dst, yy * outW);
        }
    }

    /**
     * Adds {@code weight * row} to the vertical accumulator.
     *
     * @param acc the accumulator, {@code 3 * outW} fixed-point sums
     * @param row an intermediate row (three 8-bit planes side by side)
     * @param weight the row's fixed-point weight
     */
    static void accumulate(int[] acc, int[] row, int weight) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += row[i] * weight;
        }
    }

    /**
     * Packs the accumulated planes of one output row into {@code 0xRRGGBB}.
     *
     * @param acc the accumulator (sums including the rounding half)
     * @param outW output width
     * @param dst destination pixels
     * @param offset index of the row's first pixel in {@code dst}
     */
    static void pack(int[] acc, int outW, int[] dst, int offset) {
        for (int x = 0; x < outW; x++) {
            dst[offset + x] =
                    ResampleWeights.apply(acc[x]) << 16
                            | ResampleWeights.apply(acc[outW + x]) << 8
                            | ResampleWeights.apply(acc[2 * outW + x]);
        }
    }

    private int[] intermediateRow(int y) {
        int slot = y % ring.length;
        if (ringRow[slot] != y) {
            source.readRow(y, rowBuffer);
            horizontal.apply(rowBuffer, 0, ring[slot]);
            ringRow[slot] = y;
        }
        return ring[slot];
    }
}
