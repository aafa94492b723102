package org.lowmag.tiff;

import java.io.IOException;
import java.util.Arrays;

/**
 * Decodes a baseline JPEG stream to 1/8 scale from its DC coefficients alone: every 8 x 8 block
 * becomes one pixel, the block's mean, without an inverse DCT (the standard thumbnailing shortcut;
 * libjpeg's {@code scale_denom = 8}). The AC coefficients are entropy-decoded only to be skipped.
 *
 * <p>With the JPEG inverse DCT {@code f(x, y) = 1/4 sum_u sum_v C(u) C(v) F(u, v) cos(..) cos(..)},
 * {@code C(0) = 1/sqrt(2)}, the mean of a block's 64 samples is the DC term's share, {@code F(0, 0)
 * / 8}, so (after the level shift)
 *
 * <pre>
 *   sample = clamp(floor((DC * Q[0] + 4) / 8) + 128, 0, 255)  (DC = the decoded, predicted DC value)
 * </pre>
 *
 * A subsampled component's block covers {@code Hmax / H x Vmax / V} output pixels (4:2:0 chroma: 2
 * x 2), each taking its value: its mean over that whole area (16 x 16 px for 4:2:0), so that a
 * further area average over whole MCUs, as a thumbnail's, is exact (interpolating the block means
 * instead would blur colour across MCUs). YCbCr becomes RGB by JFIF's formulas ({@code R = Y +
 * 1.402 (Cr - 128)}, {@code G = Y - 0.344136 (Cb - 128) - 0.714136 (Cr - 128)}, {@code B = Y +
 * 1.772 (Cb - 128)}), rounded and clamped; the colour transform is linear, so this is the block
 * mean of a full decode's RGB up to the IDCT's rounding, clamping and the decoder's chroma
 * upsampling.
 *
 * <p>Supported: baseline and extended Huffman frames ({@code SOF0}, {@code SOF1}) of 8-bit samples,
 * 1 or 3 components in one interleaved scan, restart intervals, tables from the stream or from a
 * TIFF's {@code JPEGTables} (an abbreviated stream parsed first). Anything else (progressive,
 * arithmetic, lossless, 12-bit, several scans) is reported as unsupported ({@code null}), so the
 * caller decodes it in full.
 */
public final class JpegDcDecoder {

    private final int[][] quant = new int[4][];
    private final JpegBitReader.Table[] dcTables = new JpegBitReader.Table[4];
    private final JpegBitReader.Table[] acTables = new JpegBitReader.Table[4];
    private int restartInterval;
    private int width;
    private int height;
    private int[] compIds;
    private int[] h;
    private int[] v;
    private int[] tq;
    private boolean frameOk;

    static int clampByte(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /**
     * Decodes one stream at 1/8 scale.
     *
     * @param tables a TIFF's JPEGTables (an abbreviated stream of tables), or null
     * @param jpeg the stream
     * @return its DC image, or null when the stream is not one this decoder supports
     * @throws IOException when the stream is corrupt
     */
    public static DcImage decode(byte[] tables, byte[] jpeg) throws IOException {
        return decodeWith(tables(tables), jpeg);
    }

    /**
     * Quantisation and Huffman tables parsed once, e.g. a TIFF level's {@code JPEGTables}, for
     * decoding each of its tiles' abbreviated streams without parsing them again. It also keeps the
     * last stream's header (its bytes from SOI to the scan data) and what they set up: a next
     * stream that starts with the same bytes (the tiles of one level, written by one encoder, all
     * repeat their frame, tables and scan header) is decoded without reading its markers again. So
     * it is not thread-safe: one per thread ({@link TiffTileDecoder} holds one per level).
     */
    public static final class Tables {
        private final JpegDcDecoder parsed;
        private byte[] lastHeader;
        private JpegDcDecoder lastDecoder;

        private Tables(JpegDcDecoder parsed) {
            this.parsed = parsed;
        }

        /**
         * @param jpeg a stream
         * @return whether it starts with the header of the last stream decoded with these tables
         *     (then it decodes with what that header set up)
         */
        public boolean repeatsLastHeader(byte[] jpeg) {
            byte[] seen = lastHeader;
            return seen != null
                    && jpeg.length >= seen.length
                    && Arrays.equals(seen, 0, seen.length, jpeg, 0, seen.length);
        }
    }

    /**
     * @param tables an abbreviated stream of tables (a TIFF's JPEGTables), or null for none
     * @return them parsed, or null when they hold something this decoder does not support
     * @throws IOException when the stream is corrupt
     */
    public static Tables tables(byte[] tables) throws IOException {
        JpegDcDecoder d = new JpegDcDecoder();
        if (tables != null && tables.length > 4 && d.markers(tables, true) < 0) {
            return null;
        }
        return new Tables(d);
    }

    /**
     * Decodes one stream at 1/8 scale, with tables parsed before (the stream's own tables, if it
     * has any, replace them for this stream only).
     *
     * @param tables from {@link #tables}, or null when those were unsupported
     * @param jpeg the stream
     * @return its DC image, or null when the stream is not one this decoder supports
     * @throws IOException when the stream is corrupt
     */
    public static DcImage decodeWith(Tables tables, byte[] jpeg) throws IOException {
        if (tables == null) {
            return null;
        }
        if (tables.repeatsLastHeader(jpeg)) {
            return tables.lastDecoder.scan(jpeg, tables.lastHeader.length);
        }
        JpegDcDecoder d = new JpegDcDecoder();
        JpegDcDecoder t = tables.parsed;
        System.arraycopy(t.quant, 0, d.quant, 0, 4);
        System.arraycopy(t.dcTables, 0, d.dcTables, 0, 4);
        System.arraycopy(t.acTables, 0, d.acTables, 0, 4);
        d.restartInterval = t.restartInterval;
        int scan = d.markers(jpeg, false);
        if (scan < 0 || !d.frameOk) {
            return null;
        }
        tables.lastHeader = Arrays.copyOf(jpeg, scan);
        tables.lastDecoder = d;
        return d.scan(jpeg, scan);
    }

    /**
     * Reads the markers from SOI up to the scan data.
     *
     * @return the position of the first entropy-coded byte, or -1 when unsupported (or, for a
     *     tables-only stream, its end)
     */
    private int markers(byte[] b, boolean tablesOnly) throws IOException {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            throw new IOException("not a JPEG stream (no SOI marker)");
        }
        int p = 2;
        while (p + 4 <= b.length) {
            if ((b[p] & 0xFF) != 0xFF) {
                throw new IOException("JPEG marker expected at byte " + p);
            }
            int marker = b[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            if (marker == 0xD9) {
                return tablesOnly ? 0 : -1;
            }
            int len = u16(b, p + 2);
            int s = p + 4;
            int e = p + 2 + len;
            if (e > b.length) {
                throw new IOException("JPEG marker segment runs past the stream's end");
            }
            switch (marker) {
                case 0xDB -> {
                    while (s < e) {
                        int pq = (b[s] & 0xF0) >> 4;
                        int id = b[s] & 0x0F;
                        int[] q = new int[64];
                        s++;
                        for (int k = 0; k < 64; k++) {
                            q[k] = pq == 0 ? b[s + k] & 0xFF : u16(b, s + 2 * k);
                        }
                        quant[id & 3] = q;
                        s += pq == 0 ? 64 : 128;
                    }
                }
                case 0xC4 -> {
                    while (s < e) {
                        int tc = (b[s] & 0xF0) >> 4;
                        int id = b[s] & 3;
                        JpegBitReader.Table t = JpegBitReader.Table.read(b, s + 1);
                        (tc == 0 ? dcTables : acTables)[id] = t;
                        s += 17 + t.values.length;
                    }
                }
                case 0xDD -> restartInterval = u16(b, s);
                case 0xC0, 0xC1 -> {
                    if ((b[s] & 0xFF) != 8) {
                        return -1;
                    }
                    height = u16(b, s + 1);
                    width = u16(b, s + 3);
                    int n = b[s + 5] & 0xFF;
                    if (n != 1 && n != 3) {
                        return -1;
                    }
                    compIds = new int[n];
                    h = new int[n];
                    v = new int[n];
                    tq = new int[n];
                    for (int c = 0; c < n; c++) {
                        int q = s + 6 + 3 * c;
                        compIds[c] = b[q] & 0xFF;
                        h[c] = (b[q + 1] & 0xFF) >> 4;
                        v[c] = b[q + 1] & 0x0F;
                        tq[c] = b[q + 2] & 3;
                        if (h[c] < 1 || h[c] > 4 || v[c] < 1 || v[c] > 4) {
                            throw new IOException("bad JPEG sampling factors");
                        }
                    }
                    frameOk = width > 0 && height > 0;
                }
                case 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> {
                    return -1; // progressive, lossless, hierarchical or arithmetic
                }
                case 0xDA -> {
                    return tablesOnly ? -1 : sos(b, s, e);
                }
                default -> {
                    // APPn, COM and others: skipped
                }
            }
            p = e;
        }
        return tablesOnly ? 0 : -1;
    }

    private int[] scanDc;
    private int[] scanAc;

    /** Reads the scan header; only one interleaved scan of every component is supported. */
    private int sos(byte[] b, int s, int e) {
        int n = b[s] & 0xFF;
        if (compIds == null || n != compIds.length) {
            return -1;
        }
        scanDc = new int[n];
        scanAc = new int[n];
        for (int i = 0; i < n; i++) {
            int id = b[s + 1 + 2 * i] & 0xFF;
            if (id != compIds[i]) {
                return -1;
            }
            scanDc[i] = (b[s + 2 + 2 * i] & 0xF0) >> 4 & 3;
            scanAc[i] = b[s + 2 + 2 * i] & 3;
            if (dcTables[scanDc[i]] == null
                    || acTables[scanAc[i]] == null
                    || quant[tq[i]] == null) {
                return -1;
            }
        }
        return e;
    }

    private DcImage scan(byte[] b, int start) throws IOException {
        int n = compIds.length;
        int hMax = 1;
        int vMax = 1;
        for (int c = 0; c < n; c++) {
            hMax = Math.max(hMax, h[c]);
            vMax = Math.max(vMax, v[c]);
        }
        int mcusX = (width + 8 * hMax - 1) / (8 * hMax);
        int mcusY = (height + 8 * vMax - 1) / (8 * vMax);
        int[][] blocks = new int[n][];
        int[] blocksX = new int[n];
        for (int c = 0; c < n; c++) {
            blocksX[c] = mcusX * h[c];
            blocks[c] = new int[blocksX[c] * mcusY * v[c]];
        }
        readBlocks(new JpegBitReader(b, start), blocks, blocksX, mcusX, mcusY);
        return samples(blocks, blocksX, hMax, vMax);
    }

    /**
     * Decodes the scan's MCUs in order (ITU T.81 A.2.3), each component's {@code H x V} blocks row
     * by row: a block's DC value is the previous one's of its component plus the decoded difference
     * ({@code pred = 0} at the start and after each restart marker).
     */
    private void readBlocks(JpegBitReader in, int[][] blocks, int[] blocksX, int mcusX, int mcusY)
            throws IOException {
        int n = blocks.length;
        int[] pred = new int[n];
        int mcus = mcusX * mcusY;
        for (int m = 0; m < mcus; m++) {
            if (restartInterval > 0 && m > 0 && m % restartInterval == 0) {
                in.restart();
                Arrays.fill(pred, 0);
            }
            int mx = m % mcusX;
            int my = m / mcusX;
            for (int c = 0; c < n; c++) {
                JpegBitReader.Table dc = dcTables[scanDc[c]];
                JpegBitReader.Table ac = acTables[scanAc[c]];
                for (int by = 0; by < v[c]; by++) {
                    int at = (my * v[c] + by) * blocksX[c] + mx * h[c];
                    for (int bx = 0; bx < h[c]; bx++) {
                        int t = in.decode(dc);
                        pred[c] += t == 0 ? 0 : in.receiveExtend(t);
                        in.skipAc(ac);
                        blocks[c][at + bx] = pred[c];
                    }
                }
            }
        }
    }

    /**
     * The blocks' means as samples, {@code clamp(floor((DC Q[0] + 4) / 8) + 128)} ({@code floor(x /
     * 8) = x >> 3}); output pixel {@code (x, y)} of component {@code c} takes block {@code (x H[c]
     * / Hmax, y V[c] / Vmax)}.
     */
    private DcImage samples(int[][] blocks, int[] blocksX, int hMax, int vMax) {
        int n = blocks.length;
        int outW = (width + 7) / 8;
        int outH = (height + 7) / 8;
        int[][] samples = new int[n][outW * outH];
        int[] col = new int[outW];
        for (int c = 0; c < n; c++) {
            int q0 = quant[tq[c]][0];
            for (int x = 0; x < outW; x++) {
                col[x] = x * h[c] / hMax;
            }
            int[] in = blocks[c];
            int[] out = samples[c];
            for (int y = 0; y < outH; y++) {
                int row = y * v[c] / vMax * blocksX[c];
                for (int x = 0; x < outW; x++) {
                    out[y * outW + x] = clampByte(((in[row + col[x]] * q0 + 4) >> 3) + 128);
                }
            }
        }
        return new DcImage(outW, outH, n, samples);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
