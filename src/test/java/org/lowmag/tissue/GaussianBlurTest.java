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

    /**
     * The row-wise, parallel implementation equals the per-pixel formula bit for bit (each sum
     * formed in the order j = 0..2r), borders included, on a large image (parallel path) and a
     * small one.
     */
    @Test
    void equalsThePerPixelFormulaExactly() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        int[][] sizes = {{301, 257}, {23, 9}, {5, 40}};
        for (int[] wh : sizes) {
            int w = wh[0];
            int h = wh[1];
            double[] img = new double[w * h];
            for (int i = 0; i < img.length; i++) {
                img[i] = rng.nextDouble() * 255;
            }
            for (double sigma : new double[] {1.0, 5.0}) {
                double[] fast = GaussianBlur.blur(img, w, h, sigma);
                double[] ref = perPixel(img, w, h, GaussianBlur.kernel(sigma));
                for (int i = 0; i < img.length; i++) {
                    assertEquals(ref[i], fast[i], 0.0, "pixel " + i + " of " + w + "x" + h);
                }
            }
        }
    }

    /** out = sum_j k[j] in[clamp(.)] per pixel, rows then columns (the definition). */
    private static double[] perPixel(double[] in, int w, int h, double[] k) {
        int r = k.length / 2;
        double[] tmp = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int j = 0; j < k.length; j++) {
                    s += k[j] * in[y * w + Math.min(w - 1, Math.max(0, x + j - r))];
                }
                tmp[y * w + x] = s;
            }
        }
        double[] out = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int j = 0; j < k.length; j++) {
                    s += k[j] * tmp[Math.min(h - 1, Math.max(0, y + j - r)) * w + x];
                }
                out[y * w + x] = s;
            }
        }
        return out;
    }
}
