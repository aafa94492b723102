package org.lowmag.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link JpegRgbDecoder}'s YCbCr conversion and stream joining by hand (its pixels against the full
 * decode: {@code org.lowmag.slide.JpegTilePixelsTest}).
 */
class JpegRgbDecoderTest {

    private static int packed(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    /**
     * (Y, Cb, Cr) = (100, 90, 200): Cr - 128 = 72, Cb - 128 = -38; R = 100 + round(1.402 * 72 =
     * 100.94) = 201; G = 100 + floor((22554 * 38 - 46802 * 72 + 32768) / 65536 = -37.84) = 62
     * (F(0.34414) = 22554, F(0.71414) = 46802); B = 100 + round(1.772 * -38 = -67.34) = 33. Neutral
     * chroma keeps the grey; out-of-range sums clamp.
     */
    @Test
    void libjpegFixedPointConversion() {
        assertEquals(packed(128, 128, 128), JpegRgbDecoder.rgb(128, 128, 128));
        assertEquals(packed(201, 62, 33), JpegRgbDecoder.rgb(100, 90, 200));
        assertEquals(packed(63, 255, 80), JpegRgbDecoder.rgb(200, 60, 30));
        assertEquals(packed(255, 121, 255), JpegRgbDecoder.rgb(255, 255, 255));
        assertEquals(packed(0, 135, 0), JpegRgbDecoder.rgb(0, 0, 0));
        assertEquals(packed(254, 0, 0), JpegRgbDecoder.rgb(76, 85, 255));
    }

    @Test
    void tablesWithoutTheirEoiThenTheBlockWithoutItsSoi() {
        byte[] tables = {(byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9};
        byte[] block = {(byte) 0xFF, (byte) 0xD8, 3, 4, (byte) 0xFF, (byte) 0xD9};
        assertArrayEquals(
                new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, (byte) 0xFF, (byte) 0xD9},
                JpegRgbDecoder.joined(tables, block));
        assertArrayEquals(block, JpegRgbDecoder.joined(null, block));
    }
}
