package org.lowmag.tiff;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The entropy-coded data of a JPEG scan (ITU T.81): bits MSB first, {@code 0xFF00} unstuffed, a
 * marker ending the data (then zero bits), restart markers skipped on {@link #restart}; Huffman
 * codes decoded with {@link Table}. Used by {@link JpegDcDecoder}.
 *
 * <p>The bits not yet consumed sit at the top of a 64-bit accumulator. Before each Huffman code at
 * least {@link #READY} bits are loaded, enough for the longest code (16 bits) and the value bits
 * after it (at most 15), so decoding a symbol and skipping its value bits needs no further check.
 * Loading takes the next 8 bytes at once when none of them is {@code 0xFF} (no stuffing and no
 * marker among them: about 97% of the time in entropy-coded data), else byte by byte.
 */
final class JpegBitReader {

    /** Bits loaded before each Huffman code: 16 (longest code) + 15 (most value bits) + 1. */
    static final int READY = 32;

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] b;
    private int pos;
    private long acc;
    private int bits;
    private boolean marker;

    JpegBitReader(byte[] b, int pos) {
        this.b = b;
        this.pos = pos;
    }

    /**
     * @param w eight bytes
     * @return whether one of them is {@code 0xFF}: a zero byte of {@code ~w}, found by the exact
     *     SWAR test {@code (x - 0x01..01) & ~x & 0x80..80 != 0}
     */
    static boolean hasFf(long w) {
        long x = ~w;
        return ((x - ONES) & ~x & HIGHS) != 0;
    }

    /**
     * Loads whole bytes, at least 4 (called with fewer than 32 bits ready): 8 at once when none is
     * {@code 0xFF}, else {@link #fillBytewise}.
     */
    private void fill() {
        if (!marker && pos <= b.length - 8) {
            long w = (long) LONG_BE.get(b, pos);
            if (!hasFf(w)) {
                int n = (64 - bits) >>> 3; // whole bytes that fit: 5 to 8
                acc |= (w >>> (64 - 8 * n)) << (64 - 8 * n - bits);
                bits += 8 * n;
                pos += n;
                return;
            }
        }
        fillBytewise();
    }

    /**
     * Loads bytes one at a time until more than 56 bits are ready: {@code 0xFF00} is a stuffed
     * {@code 0xFF}; {@code 0xFF} before anything else is a marker, which ends the data (zero bits
     * from there, also past the stream's end).
     */
    private void fillBytewise() {
        while (bits <= 56) {
            int x = 0;
            if (!marker && pos < b.length) {
                x = b[pos] & 0xFF;
                if (x == 0xFF) {
                    int next = pos + 1 < b.length ? b[pos + 1] & 0xFF : 0xD9;
                    if (next == 0) {
                        pos += 2;
                    } else {
                        marker = true;
                        x = 0;
                    }
                } else {
                    pos++;
                }
            }
            acc |= (long) x << (56 - bits);
            bits += 8;
        }
    }

    int peek(int n) {
        if (bits < n) {
            fill();
        }
        return (int) (acc >>> (64 - n));
    }

    void skip(int n) {
        if (bits < n) {
            fill();
        }
        acc <<= n;
        bits -= n;
    }

    /**
     * @param t a Huffman table
     * @return the next symbol
     * @throws IOException when the code is not in the table
     */
    int decode(Table t) throws IOException {
        if (bits < READY) {
            fill();
        }
        int f = t.lookup[(int) (acc >>> (64 - Table.FAST))];
        if (f != 0) {
            skip(f >> 8);
            return f & 0xFF;
        }
        return decodeLong(t);
    }

    /** A code longer than {@link Table#FAST} bits: the canonical search (ITU T.81 F.2.2.3). */
    private int decodeLong(Table t) throws IOException {
        int code = (int) (acc >>> 48);
        for (int l = Table.FAST + 1; l <= 16; l++) {
            int c = code >>> (16 - l);
            if (c <= t.maxCode[l]) {
                skip(l);
                return t.values[t.valPtr[l] + c - t.minCode[l]];
            }
        }
        throw new IOException("bad Huffman code in JPEG data");
    }

    /**
     * Skips one block's AC coefficients (ITU T.81 F.2.2.2): symbols {@code rs = r << 4 | s} from
     * position 1 until 63 are passed or {@code rs = 0} (EOB), each followed by {@code s} value bits
     * that are skipped with its code ({@code rs = 0xF0}: 16 zeros).
     *
     * @param t the AC table
     * @throws IOException when a code is not in the table
     */
    void skipAc(Table t) throws IOException {
        int[] lookup = t.lookup;
        for (int k = 1; k < 64; ) {
            if (bits < READY) {
                fill();
            }
            int f = lookup[(int) (acc >>> (64 - Table.FAST))];
            int rs;
            if (f != 0) {
                int n = (f >> 8) + (f & 15);
                acc <<= n;
                bits -= n;
                rs = f & 0xFF;
            } else {
                rs = decodeLong(t);
                skip(rs & 15);
            }
            if ((rs & 15) != 0) {
                k += (rs >> 4) + 1;
            } else if (rs == 0xF0) {
                k += 16;
            } else {
                return;
            }
        }
    }

    /** The next {@code s} bits as a signed value (ITU T.81 F.2.2.1 EXTEND). */
    int receiveExtend(int s) {
        int x = peek(s);
        skip(s);
        return x < 1 << (s - 1) ? x - (1 << s) + 1 : x;
    }

    /** Drops the bits left in the byte and the RSTn marker after them. */
    void restart() throws IOException {
        acc = 0;
        bits = 0;
        while (pos + 1 < b.length
                && !((b[pos] & 0xFF) == 0xFF
                        && (b[pos + 1] & 0xF8) == 0xD0
                        && (b[pos + 1] & 0xFF) <= 0xD7)) {
            pos++;
        }
        if (pos + 1 >= b.length) {
            throw new IOException("JPEG restart marker missing");
        }
        pos += 2;
        marker = false;
    }

    /**
     * A Huffman table: {@code lookup[FAST bits]} gives {@code length << 8 | value} for codes of at
     * most {@link #FAST} bits (0 when longer), else the canonical {@code maxCode}/{@code valPtr}
     * search (ITU T.81 F.2.2.3). Canonical codes: within a length {@code l} codes count up from
     * {@code minCode[l]}, and the first code of length {@code l + 1} is {@code 2 (maxCode[l] + 1)};
     * a code {@code c} of length {@code l <= FAST} fills the {@code 2^(FAST - l)} lookup entries
     * {@code [c << (FAST - l), (c + 1) << (FAST - l))}.
     */
    static final class Table {
        static final int FAST = 11;
        final int[] lookup = new int[1 << FAST];
        final int[] maxCode = new int[18];
        final int[] valPtr = new int[17];
        final int[] minCode = new int[17];
        final int[] values;

        Table(int[] counts, int[] values) {
            this.values = values;
            int code = 0;
            int k = 0;
            for (int l = 1; l <= 16; l++) {
                valPtr[l] = k;
                minCode[l] = code;
                for (int i = 0; i < counts[l]; i++) {
                    if (l <= FAST) {
                        int shift = FAST - l;
                        int entry = l << 8 | values[k];
                        Arrays.fill(lookup, code << shift, (code + 1) << shift, entry);
                    }
                    code++;
                    k++;
                }
                maxCode[l] = counts[l] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }

        /**
         * Reads one table specification of a DHT segment: 16 code counts {@code L1..L16}, then
         * {@code sum L} values.
         *
         * @param b the stream
         * @param at the first count
         * @param previous the table last read into the same slot, or null; returned itself when its
         *     specification has the same bytes (every tile of a TIFF written by one encoder repeats
         *     its tables), which saves building the lookup again
         * @return the table
         * @throws IOException when the specification runs past the stream's end
         */
        static Table read(byte[] b, int at) throws IOException {
            if (at + 16 > b.length) {
                throw new IOException("JPEG Huffman table runs past the stream's end");
            }
            int total = 0;
            for (int l = 0; l < 16; l++) {
                total += b[at + l] & 0xFF;
            }
            int end = at + 16 + total;
            if (end > b.length) {
                throw new IOException("JPEG Huffman table runs past the stream's end");
            }
            int[] counts = new int[17];
            for (int l = 1; l <= 16; l++) {
                counts[l] = b[at + l - 1] & 0xFF;
            }
            int[] values = new int[total];
            for (int k = 0; k < total; k++) {
                values[k] = b[at + 16 + k] & 0xFF;
            }
            return new Table(counts, values);
        }
    }
}
