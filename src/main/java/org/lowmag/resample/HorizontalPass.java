package org.lowmag.resample;

/**
 * The horizontal pass of the Lanczos resize for one row: packed RGB in, three 8-bit planes out
 * ({@code out[x]} red, {@code out[outW + x]} green, {@code out[2 outW + x]} blue), each {@code
 * clamp((2^21 + sum_t fixed_t v_{first+t}) >> 22, 0, 255)} with the weights of {@link
 * ResampleWeights}.
 *
 * <p>Red and blue share one {@code long} multiply: a pixel is spread to {@code R * 2^32 + B}, so
 * the sum {@code sum w (R 2^32 + B) = (sum w R) 2^32 + sum w B}; the blue sum fits a signed 32-bit
 * int (the same bound Pillow relies on), so it is the low word and the red sum is the rest. Not
 * thread-safe (scratch buffers): one instance per worker.
 */
final class HorizontalPass {

    private final ResampleWeights wx;
    private final long[] spreadRb;
    private final int[] green;

    /**
     * @param wx the horizontal weights
     */
    HorizontalPass(ResampleWeights wx) {
        this.wx = wx;
        this.spreadRb = new long[wx.inSizePx()];
        this.green = new int[wx.inSizePx()];
    }

    /**
     * @param src packed RGB pixels; the row is {@code src[offset .. offset + inW)}
     * @param offset index of the row's first pixel
     * @param out the three planes, at least {@code 3 * outW} long
     */
    void apply(int[] src, int offset, int[] out) {
        int inW = wx.inSizePx();
        long[] rb = spreadRb;
        int[] g = green;
        for (int x = 0; x < inW; x++) {
            int p = src[offset + x];
            rb[x] = ((long) (p & 0xff0000) << 16) | (p & 0xff);
            g[x] = (p >> 8) & 0xff;
        }
        int[] first = wx.firstArray();
        int[] count = wx.countArray();
        int[] fixed = wx.fixedArray();
        int ks = wx.kernelSize();
        int w = wx.outSizePx();
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
