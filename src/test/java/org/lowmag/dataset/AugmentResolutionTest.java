package org.lowmag.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Distillation pairs the teacher's high-magnification view with the student's low-magnification
 * view under the same {@link AugmentParams}: augmenting then downsampling 2x must match
 * downsampling 2x then augmenting, up to rounding and the (mild) non-linearity of clamping and the
 * hue rotation on a smooth image.
 */
class AugmentResolutionTest {

    /** A smooth 64x48 tissue-like image (pink and purple gradients, values well inside 0-255). */
    private static RgbImage smoothImage() {
        int w = 64;
        int h = 48;
        int[] r = new int[w * h];
        int[] g = new int[w * h];
        int[] b = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = x / (double) w;
                double v = y / (double) h;
                int i = y * w + x;
                r[i] = (int) Math.round(180 + 50 * Math.sin(3 * u + 1.3 * v));
                g[i] = (int) Math.round(110 + 70 * Math.cos(2 * v - u));
                b[i] = (int) Math.round(170 + 40 * Math.sin(2.5 * u * v + 0.5));
            }
        }
        return TestImages.of(w, h, r, g, b);
    }

    @Test
    void augmentThenDownsampleMatchesDownsampleThenAugment() {
        RgbImage high = smoothImage();
        RgbImage low = TestImages.downsample2(high);
        int worst = 0;
        long overOne = 0;
        long values = 0;
        for (long seed = 0; seed < 200; seed++) {
            AugmentParams p = Augmentation.paperDefault().sample(seed);
            RgbImage a = TestImages.downsample2(p.apply(high));
            RgbImage b = p.apply(low);
            assertEquals(a.widthPx(), b.widthPx());
            assertEquals(a.heightPx(), b.heightPx());
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < a.planes()[c].length; i++) {
                    int d = Math.abs((a.planes()[c][i] & 255) - (b.planes()[c][i] & 255));
                    worst = Math.max(worst, d);
                    overOne += d > 1 ? 1 : 0;
                    values++;
                }
            }
        }
        // measured: largest 3, 0.23 % of values differ by more than 1 (the low-resolution input is
        // quantised before factors up to 1.5 x 1.5 x 1.5 amplify its rounding)
        assertTrue(worst <= 4, "largest difference " + worst + " grey levels");
        assertTrue(overOne < 0.01 * values, overOne + " of " + values + " differ by more than 1");
    }

    /**
     * Geometry alone is an exact pixel permutation, so it commutes exactly with a 2x downsample.
     */
    @Test
    void geometryCommutesExactly() {
        RgbImage high = smoothImage();
        Augmentation geometryOnly = new Augmentation(true, true, 0, 0, 0, 0);
        for (long seed = 0; seed < 16; seed++) {
            AugmentParams p = geometryOnly.sample(seed);
            RgbImage a = TestImages.downsample2(p.apply(high));
            RgbImage b = p.apply(TestImages.downsample2(high));
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(a.planes()[c], b.planes()[c]);
            }
        }
    }
}
