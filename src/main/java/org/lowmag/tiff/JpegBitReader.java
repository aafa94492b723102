package org.lowmag.tiff;

import java.io.IOException;

/**
 * The entropy-coded data of a JPEG scan (ITU T.81): bits MSB first, {@code 0xFF00} unstuffed, a
 * marker ending the data (then zero bits), restart markers skipped on {@link #restart}; Huffman
 * codes decoded with {@link Table}. Used by {@link JpegDcDecoder}.
 */
final class JpegBitReader {
    private final byte[] b;
    private int pos;
    private long acc;
    private int bits;
    private boolean marker;

    JpegBitReader(byte[] b, int pos) {
        this.b = b;
        this.pos = pos;
    }

    private void fill() {
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

    int decode(Table t) throws IOException {
        int f = t.lookup[peek(Table.FAST)];
        if (f != 0) {
            skip(f >> 8);
            return f & 0xFF;
        }
        int code = peek(16);
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
     * An AC code and the {@code s = rs & 15} value bits after it, skipped together.
     *
     * @param t the AC table
     * @return {@code rs} (run length {@code << 4 |} size)
     * @throws IOException when the code is not in the table
     */
    int decodeAndSkip(Table t) throws IOException {
        int f = t.lookup[peek(Table.FAST)];
        if (f != 0) {
            skip((f >> 8) + (f & 15));
            return f & 0xFF;
        }
        int rs = decode(t);
        skip(rs & 15);
        return rs;
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
     * A Huffman table: {@code lookup[9 bits]} gives {@code length << 8 | value} for codes of at
     * most 9 bits (0 when longer), else the canonical {@code maxCode}/{@code valPtr} search (ITU
     * T.81 F.2.2.3).
     */
    static final class Table {
        static final int FAST = 9;
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
                        for (int f = 0; f < 1 << shift; f++) {
                            lookup[(code << shift) | f] = l << 8 | values[k];
                        }
                    }
                    code++;
                    k++;
                }
                maxCode[l] = counts[l] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }
    }
}
