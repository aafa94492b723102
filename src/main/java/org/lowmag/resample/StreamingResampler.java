package org.lowmag.resample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * The Lanczos-3 resize of {@link LanczosResampler#resize(BufferedImage, int, int)}, fed one input
 * row at a time, top to bottom, so that a large source (a tissue read from a slide in strips) never
 * has to be held whole. The output is bit for bit the one {@link LanczosResampler} gives for the
 * whole image: the same weights ({@link ResampleWeights}), the same 8-bit intermediate rows and the
 * same rounding; only the order of work differs.
 *
 * <p>How: each pushed row goes through the horizontal pass into a ring of {@code K = 2 ceil(3 s) +
 * 1} intermediate rows ({@code s = max(1, inH / outH)}); output row {@code i} is computed as soon
 * as the last input row of its window ({@code first(i) + count(i) - 1}) has arrived. Window starts
 * and ends never decrease with {@code i} and a window spans at most {@code K} rows, so every row an
 * output needs is still in the ring.
 *
 * <p>Memory besides the output ({@code 4 outW outH} bytes): the ring, {@code 12 K outW} bytes, and
 * the horizontal scratch, {@code 12 inW} bytes, see {@link #bufferBytes()}. Not thread-safe.
 */
public final class StreamingResampler {

    private final int inWidthPx;
    private final int inHeightPx;
    private final int outWidthPx;
    private final int outHeightPx;
    private final ResampleWeights wy;
    private final HorizontalPass horizontal;
    private final int[][] ring;
    private final int[] ringRow;
    private final int[] acc;
    private final BufferedImage out;
    private final int[] dst;
    private int pushed;
    private int nextOut;

    /**
     * @param inWidthPx input width, at least 1
     * @param inHeightPx input height (rows that will be pushed), at least 1
     * @param outWidthPx output width, at least 1
     * @param outHeightPx output height, at least 1
     */
    public StreamingResampler(int inWidthPx, int inHeightPx, int outWidthPx, int outHeightPx) {
        ResampleWeights wx = ResampleWeights.lanczos3(inWidthPx, outWidthPx);
        this.wy = ResampleWeights.lanczos3(inHeightPx, outHeightPx);
        this.inWidthPx = inWidthPx;
        this.inHeightPx = inHeightPx;
        this.outWidthPx = outWidthPx;
        this.outHeightPx = outHeightPx;
        this.horizontal = new HorizontalPass(wx);
        this.ring = new int[wy.kernelSize()][3 * outWidthPx];
        this.ringRow = new int[wy.kernelSize()];
        Arrays.fill(ringRow, -1);
        this.acc = new int[3 * outWidthPx];
        this.out = new BufferedImage(outWidthPx, outHeightPx, BufferedImage.TYPE_INT_RGB);
        this.dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    }

    /**
     * Pushes the next input row.
     *
     * @param rgb packed {@code 0xRRGGBB} pixels (high byte ignored)
     * @param offset index of the row's first pixel; the row is {@code rgb[offset .. offset + inW)}
     * @throws IllegalStateException when all {@code inH} rows were already pushed
     */
    public void push(int[] rgb, int offset) {
        if (pushed >= inHeightPx) {
            throw new IllegalStateException(
                    "all " + inHeightPx + " input rows were already pushed");
        }
        if (offset < 0 || offset + (long) inWidthPx > rgb.length) {
            throw new IllegalArgumentException(
                    "row at offset "
                            + offset
                            + " needs "
                            + inWidthPx
                            + " pixels, the array has "
                            + rgb.length);
        }
        int slot = pushed % ring.length;
        horizontal.apply(rgb, offset, ring[slot]);
        ringRow[slot] = pushed;
        pushed++;
        emitReadyRows();
    }

    /**
     * Pushes consecutive input rows.
     *
     * @param rgb packed pixels, row-major
     * @param offset index of the first row's first pixel
     * @param stride ints from one row to the next
     * @param rows how many rows
     */
    public void push(int[] rgb, int offset, int stride, int rows) {
        for (int r = 0; r < rows; r++) {
            push(rgb, offset + r * stride);
        }
    }

    private void emitReadyRows() {
        int[] first = wy.firstArray();
        int[] count = wy.countArray();
        int[] fixed = wy.fixedArray();
        int ks = wy.kernelSize();
        while (nextOut < outHeightPx && first[nextOut] + count[nextOut] <= pushed) {
            int lo = first[nextOut];
            Arrays.fill(acc, ResampleWeights.HALF);
            for (int t = 0; t < count[nextOut]; t++) {
                int row = lo + t;
                int slot = row % ring.length;
                if (ringRow[slot] != row) {
                    throw new IllegalStateException(
                            "input row " + row + " left the ring before output " + nextOut);
                }
                BandResampler.accumulate(acc, ring[slot], fixed[nextOut * ks + t]);
            }
            BandResampler.pack(acc, outWidthPx, dst, nextOut * outWidthPx);
            nextOut++;
        }
    }

    /**
     * @return the input rows pushed so far
     */
    public int rowsPushed() {
        return pushed;
    }

    /**
     * @return whether every input row has been pushed (and so every output row computed)
     */
    public boolean isComplete() {
        return pushed == inHeightPx;
    }

    /**
     * @return the resized image, {@code TYPE_INT_RGB}, {@code outW x outH}
     * @throws IllegalStateException when rows are still missing
     */
    public BufferedImage result() {
        if (!isComplete()) {
            throw new IllegalStateException(
                    "only " + pushed + " of " + inHeightPx + " input rows were pushed");
        }
        return out;
    }

    /**
     * @return the bytes this resampler holds besides its output: {@code 12 K outW + 12 inW}, with
     *     {@code K} the ring's rows
     */
    public long bufferBytes() {
        return 12L * ring.length * outWidthPx + 12L * inWidthPx;
    }

    /**
     * @return the bytes of the output image, {@code 4 outW outH}
     */
    public long outputBytes() {
        return 4L * outWidthPx * outHeightPx;
    }
}
