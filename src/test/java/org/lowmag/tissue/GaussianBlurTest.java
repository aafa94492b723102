package org.lowmag.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussianBlurTest {

    /**
     * sigma 1: radius (int) (4 + 0.5) = 4; raw weights exp(-i^2 / 2) = 1, 0.6065307, 0.1353353,
     * 0.0111090, 0.0003355 for i = 0..4, sum 1 + 2 (0.7533105) = 2.5066210, so the centre is
     * 0.3989433 and the next 0.2419707.
     */
    @Test
    void kernelByHand() {
        double[] k = GaussianBlur.kernel(1.0);
        assertEquals(9, k.length);
        assertEquals(0.3989433, k[4], 1e-6);
        assertEquals(0.2419707, k[3], 1e-6);
        assertEquals(0.2419707, k[5], 1e-6);
        double sum = 0;
        for (double v : k) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(105, GaussianBlur.kernel(13.0).length); // radius (int) (52.5) = 52
    }

    /**
     * Row [10, 0, 0, ...] with sigma 1 and nearest-pixel borders: the first output sees the 10 at
     * offsets -4..0, i.e. weights (1 + 0.7533105) / 2.5066210 = 0.6994713, giving 6.994713.
     */
    @Test
    void bordersRepeatTheNearestPixel() {
        double[] row = new double[12];
        row[0] = 10;
        double[] out = GaussianBlur.blur(row, 12, 1, 1.0);
        assertEquals(6.994713, out[0], 1e-5);
    }

    @Test
    void constantStaysConstantAndSigmaZeroCopies() {
        double[] img = new double[30 * 20];
        java.util.Arrays.fill(img, 123.5);
        for (double v : GaussianBlur.blur(img, 30, 20, 13.0)) {
            assertEquals(123.5, v, 1e-9);
        }
        double[] copy = GaussianBlur.blur(img, 30, 20, 0.0);
        assertEquals(123.5, copy[17], 0.0);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> GaussianBlur.kernel(-1));
        assertThrows(IllegalArgumentException.class, () -> GaussianBlur.kernel(Double.NaN));
        assertThrows(
                IllegalArgumentException.class, () -> GaussianBlur.blur(new double[5], 2, 2, 1));
    }
}
