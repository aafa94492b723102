package org.lowmag.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link JpegBitReader} on hand-made entropy-coded data: byte stuffing wherever it falls against
 * the 8-byte loads, a marker ending the data, restart markers, and Huffman codes longer than the
 * lookup ({@link JpegBitReader.Table#FAST} bits).
 */
class JpegBitReaderTest {

    /** Writes bits MSB first and stuffs a 0x00 after every 0xFF byte (ITU T.81 F.1.2.3). */
    private static final class BitWriter {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        long acc;
        int bits;

        BitWriter put(int value, int n) {
            for (int i = n - 1; i >= 0; i--) {
                acc = acc << 1 | (value >>> i & 1);
                if (++bits == 8) {
                    out.write((int) acc);
                    if ((acc & 0xFF) == 0xFF) {
                        out.write(0);
                    }
                    acc = 0;
                    bits = 0;
                }
            }
            return this;
        }

        /** Pads the last byte with 1 bits, as encoders do, and appends a marker. */
        byte[] end(int marker) {
            if (bits > 0) {
                put((1 << (8 - bits)) - 1, 8 - bits);
            }
            out.write(0xFF);
            out.write(marker);
            return out.toByteArray();
        }
    }

    @Test
    void hasFfFindsAnFfByteInAnyPlaceAndNothingElse() {
        assertFalse(JpegBitReader.hasFf(0L));
        assertFalse(JpegBitReader.hasFf(0xFEFEFEFEFEFEFEFEL));
        assertFalse(JpegBitReader.hasFf(0x7F80FE01007FFE80L));
        for (int i = 0; i < 8; i++) {
            assertTrue(JpegBitReader.hasFf(0xFFL << (8 * i)), "byte " + i);
            assertTrue(JpegBitReader.hasFf(0x0101010101010101L | 0xFFL << (8 * i)), "byte " + i);
        }
    }

    /**
     * Random bit fields, many of them all ones so that 0xFF bytes (stuffed) land at every offset of
     * the 8-byte loads, read back with random widths: the values written come back, then the marker
     * gives zero bits.
     */
    @Test
    void stuffedBytesAtEveryOffsetReadBackAsWritten() {
        SplittableRandom random = new SplittableRandom(15);
        for (int trial = 0; trial < 200; trial++) {
            int fields = 1 + random.nextInt(300);
            int[] width = new int[fields];
            int[] value = new int[fields];
            BitWriter w = new BitWriter();
            for (int i = 0; i < fields; i++) {
                width[i] = 1 + random.nextInt(16);
                value[i] =
                        random.nextInt(3) == 0
                                ? (1 << width[i]) - 1
                                : random.nextInt(1 << width[i]);
                w.put(value[i], width[i]);
            }
            byte[] data = w.end(0xD9);
            JpegBitReader in = new JpegBitReader(data, 0);
            for (int i = 0; i < fields; i++) {
                assertEquals(value[i], in.peek(width[i]), "trial " + trial + " field " + i);
                in.skip(width[i]);
            }
            in.skip((8 - totalBits(width) % 8) % 8); // the padding ones
            for (int i = 0; i < 10; i++) {
                assertEquals(0, in.peek(16), "past the marker");
                in.skip(16);
            }
        }
    }

    private static int totalBits(int[] width) {
        int sum = 0;
        for (int x : width) {
            sum += x;
        }
        return sum;
    }

    /**
     * After a restart the reader drops the padding and the RSTn marker: 3 bits {@code 101}, padded
     * to a byte, {@code FF D0}, then the byte 0x5A; an {@code FF D1} before nothing is missing.
     */
    @Test
    void restartSkipsThePaddingAndTheMarker() throws IOException {
        byte[] data = {(byte) 0xBF, (byte) 0xFF, (byte) 0xD0, 0x5A, (byte) 0xFF, (byte) 0xD9};
        JpegBitReader in = new JpegBitReader(data, 0);
        assertEquals(0b101, in.peek(3));
        in.skip(3);
        in.restart();
        assertEquals(0x5A, in.peek(8));
        in.skip(8);
        assertEquals(0, in.peek(8));
        assertThrows(IOException.class, in::restart);
    }

    /**
     * One code of each length 1..16: canonical codes {@code 0, 10, 110, ...}, length {@code l}
     * having code {@code 2^l - 2} ({@code l - 1} ones then a zero), value {@code l}. Codes of 12 to
     * 16 bits lie beyond the 11-bit lookup.
     */
    private static JpegBitReader.Table staircase() {
        int[] counts = new int[17];
        int[] values = new int[16];
        for (int l = 1; l <= 16; l++) {
            counts[l] = 1;
            values[l - 1] = l;
        }
        return new JpegBitReader.Table(counts, values);
    }

    @Test
    void codesLongerThanTheLookupDecode() throws IOException {
        JpegBitReader.Table t = staircase();
        int[] symbols = {16, 1, 12, 15, 2, 11, 13, 9, 14, 16, 16, 3};
        BitWriter w = new BitWriter();
        for (int l : symbols) {
            w.put((1 << l) - 2, l);
        }
        JpegBitReader in = new JpegBitReader(w.end(0xD9), 0);
        for (int l : symbols) {
            assertEquals(l, in.decode(t));
        }
    }

    /**
     * AC symbols {@code rs}: EOB {@code 0x00}, ZRL {@code 0xF0}, {@code 0x01}, {@code 0x13} (run 1,
     * 3 value bits) and {@code 0x2A} (run 2, 10 value bits) with a 13-bit code, beyond the lookup.
     * Codes (counts: one of length 2, two of 3, one of 4, one of 13): {@code 0x01 = 00}, EOB {@code
     * = 010}, {@code 0x13 = 011}, ZRL {@code = 1000}, {@code 0x2A = 1001 0000 0000 0}. After a
     * block, a 5-bit sentinel {@code 10110} must be next.
     */
    @Test
    void skipAcStopsAtEobOrAfterTheSixtyThirdCoefficient() throws IOException {
        int[] counts = new int[17];
        counts[2] = 1;
        counts[3] = 2;
        counts[4] = 1;
        counts[13] = 1;
        JpegBitReader.Table ac =
                new JpegBitReader.Table(counts, new int[] {0x01, 0x00, 0x13, 0xF0, 0x2A});
        BitWriter w = new BitWriter();
        // block 1: 0x01 (k=1), ZRL (k=2..17), 0x13 (k=18..19), 0x2A (k=20..22), EOB
        w.put(0b00, 2).put(1, 1);
        w.put(0b1000, 4);
        w.put(0b011, 3).put(0b101, 3);
        w.put(0b1001000000000, 13).put(0x3FF, 10);
        w.put(0b010, 3);
        w.put(0b10110, 5);
        // block 2: 63 times 0x01 with value bit 1, no EOB
        for (int k = 1; k < 64; k++) {
            w.put(0b00, 2).put(1, 1);
        }
        w.put(0b10110, 5);
        // block 3: ZRL three times (k = 49), 0x13 seven times (k = 63), 0x01 (k = 64), no EOB
        w.put(0b1000, 4).put(0b1000, 4).put(0b1000, 4);
        for (int i = 0; i < 7; i++) {
            w.put(0b011, 3).put(0, 3);
        }
        w.put(0b00, 2).put(0, 1);
        w.put(0b10110, 5);
        JpegBitReader in = new JpegBitReader(w.end(0xD9), 0);
        for (int block = 1; block <= 3; block++) {
            in.skipAc(ac);
            assertEquals(0b10110, in.peek(5), "sentinel after block " + block);
            in.skip(5);
        }
    }

    @Test
    void aCodeNotInTheTableIsAnError() {
        int[] counts = new int[17];
        counts[1] = 1; // only code 0
        JpegBitReader.Table t = new JpegBitReader.Table(counts, new int[] {7});
        JpegBitReader in = new JpegBitReader(new byte[] {(byte) 0x80, (byte) 0xFF, (byte) 0xD9}, 0);
        assertThrows(IOException.class, () -> in.decode(t));
    }
}
