package org.lowmag.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feeding rows one at a time gives exactly {@link LanczosResampler#resize}'s output (same weights,
 * same 8-bit intermediate rows), for downsampling, upsampling, unequal axes and the identity.
 */
class StreamingResamplerTest {

    private static int[] randomRgb(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) {
            rgb[i] = random.nextInt(1 << 24);
        }
        return rgb;
    }

    @ParameterizedTest
    @CsvSource({
        "211, 157, 53, 39", // factor ~4
        "211, 157, 211, 157", // identity
        "211, 157, 7, 150", // strong horizontal, mild vertical
        "97, 61, 130, 90", // upsampling
        "500, 13, 16, 1", // one output row
        "1, 40, 1, 3"
    })
    void streamingEqualsWholeImage(int w, int h, int ow, int oh) {
        int[] rgb = randomRgb(w * h, 7L * w + h);
        int[] whole;
        try (LanczosResampler r = new LanczosResampler(1)) {
            whole = r.resize(rgb, w, h, ow, oh);
        }
        StreamingResampler s = new StreamingResampler(w, h, ow, oh);
        for (int y = 0; y < h; y++) {
            assertFalse(s.isComplete());
            int[] row = new int[w + 3];
            System.arraycopy(rgb, y * w, row, 3, w);
            s.push(row, 3);
        }
        assertTrue(s.isComplete());
        BufferedImage out = s.result();
        assertEquals(ow, out.getWidth());
        assertEquals(oh, out.getHeight());
        assertArrayEquals(whole, ((DataBufferInt) out.getRaster().getDataBuffer()).getData());
        assertThrows(IllegalStateException.class, () -> s.push(new int[w], 0));
    }

    @ParameterizedTest
    @CsvSource({"1", "5", "64", "1000"})
    void anyBlockOfRowsGivesTheSameResult(int rowsPerPush) {
        int w = 120;
        int h = 90;
        int[] rgb = randomRgb(w * h, 11);
        int[] whole;
        try (LanczosResampler r = new LanczosResampler(1)) {
            whole = r.resize(rgb, w, h, 37, 29);
        }
        StreamingResampler s = new StreamingResampler(w, h, 37, 29);
        for (int y = 0; y < h; y += rowsPerPush) {
            int n = Math.min(rowsPerPush, h - y);
            int[] block = new int[n * w];
            System.arraycopy(rgb, y * w, block, 0, n * w);
            s.push(block, 0, w, n);
        }
        int[] got = ((DataBufferInt) s.result().getRaster().getDataBuffer()).getData();
        assertArrayEquals(whole, got);
        // ring of 2 ceil(3 * 90/29) + 1 = 21 rows of 3 * 37 ints, plus 12 bytes per input column
        assertEquals(12L * 21 * 37 + 12L * 120, s.bufferBytes());
        assertEquals(4L * 37 * 29, s.outputBytes());
    }

    @ParameterizedTest
    @CsvSource({"10, 10, 5, 5"})
    void resultBeforeTheLastRowIsRefused(int w, int h, int ow, int oh) {
        StreamingResampler s = new StreamingResampler(w, h, ow, oh);
        s.push(new int[w], 0);
        assertThrows(IllegalStateException.class, s::result);
        assertThrows(IllegalArgumentException.class, () -> s.push(new int[w - 1], 0));
        assertThrows(IllegalArgumentException.class, () -> new StreamingResampler(0, 1, 1, 1));
    }
}
