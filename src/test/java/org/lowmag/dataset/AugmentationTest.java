package org.lowmag.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Configuration validation and the distribution of {@link Augmentation#sample(long)}. */
class AugmentationTest {

    @Test
    void rejectsOutOfRangeStrengthsNamingTheValue() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new Augmentation(true, true, -0.1, 0.5, 0.5, 0.2));
        assertTrue(e.getMessage().contains("brightness") && e.getMessage().contains("-0.1"));
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new Augmentation(true, true, 0.5, Double.NaN, 0.5, 0.2));
        assertTrue(e.getMessage().contains("contrast") && e.getMessage().contains("NaN"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Augmentation(true, true, 0.5, 0.5, Double.POSITIVE_INFINITY, 0.2));
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new Augmentation(true, true, 0.5, 0.5, 0.5, 0.6));
        assertTrue(e.getMessage().contains("hue") && e.getMessage().contains("0.6"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Augmentation(true, true, 0.5, 0.5, 0.5, -0.01));
        new Augmentation(false, false, 0, 0, 0, 0.5); // bounds are inclusive
    }

    @Test
    void rejectsBadParams() {
        List<ColorOp> order = List.of(ColorOp.values());
        assertThrows(
                IllegalArgumentException.class,
                () -> new AugmentParams(false, false, 4, order, 1, 1, 1, 0));
        var dup = List.of(ColorOp.HUE, ColorOp.HUE, ColorOp.CONTRAST, ColorOp.SATURATION);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new AugmentParams(false, false, 0, dup, 1, 1, 1, 0));
        assertTrue(e.getMessage().contains("[HUE, HUE, CONTRAST, SATURATION]"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AugmentParams(false, false, 0, order, -1, 1, 1, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new AugmentParams(false, false, 0, order, 1, 1, 1, 0.51));
    }

    @Test
    void paperDefaults() {
        Augmentation a = Augmentation.paperDefault();
        assertEquals(new Augmentation(true, true, 0.5, 0.5, 0.5, 0.2), a);
    }

    @Test
    void sampleIsDeterministicPerSeed() {
        Augmentation a = Augmentation.paperDefault();
        assertEquals(a.sample(42), a.sample(42));
        assertNotEquals(a.sample(42), a.sample(43));
        RgbImage img = smallImage();
        AugmentParams p = a.sample(7);
        assertArrayEquals(p.apply(img).planes(), p.apply(img).planes());
    }

    @Test
    void noneNeverChangesAnImage() {
        RgbImage img = smallImage();
        for (long seed = 0; seed < 20; seed++) {
            AugmentParams p = Augmentation.none().sample(seed);
            assertEquals(AugmentParams.IDENTITY.rotate90(), p.rotate90());
            assertArrayEquals(img.planes(), p.apply(img).planes());
        }
    }

    /**
     * 20,000 draws with the paper's defaults: factors inside [0.5, 1.5] and their extremes reached
     * to within 0.01, hue inside [-0.2, 0.2], means within 5 standard errors of 1 and 0, flips and
     * each rotation at their probabilities within 5 standard errors, all 24 orders seen.
     */
    @Test
    void sampledDistribution() {
        Augmentation a = Augmentation.paperDefault();
        int n = 20_000;
        double[] sum = new double[4];
        double[] min = {9, 9, 9, 9};
        double[] max = {-9, -9, -9, -9};
        int flipsH = 0;
        int flipsV = 0;
        int[] turns = new int[4];
        Set<List<ColorOp>> orders = new HashSet<>();
        for (int s = 0; s < n; s++) {
            AugmentParams p = a.sample(org.lowmag.util.Seeds.mix(1234, s));
            double[] f = {
                p.brightnessFactor(), p.contrastFactor(), p.saturationFactor(), p.hueFactor()
            };
            for (int k = 0; k < 4; k++) {
                sum[k] += f[k];
                min[k] = Math.min(min[k], f[k]);
                max[k] = Math.max(max[k], f[k]);
            }
            flipsH += p.flipHorizontal() ? 1 : 0;
            flipsV += p.flipVertical() ? 1 : 0;
            turns[p.rotate90()]++;
            orders.add(p.jitterOrder());
        }
        for (int k = 0; k < 3; k++) {
            assertTrue(min[k] >= 0.5 && min[k] < 0.51, "min " + k + " " + min[k]);
            assertTrue(max[k] <= 1.5 && max[k] > 1.49, "max " + k + " " + max[k]);
            // uniform on width 1: sd 1/sqrt(12) = 0.2887, standard error 0.2887 / sqrt(n)
            assertEquals(1.0, sum[k] / n, 5 * 0.2887 / Math.sqrt(n));
        }
        assertTrue(min[3] >= -0.2 && min[3] < -0.19, "hue min " + min[3]);
        assertTrue(max[3] <= 0.2 && max[3] > 0.19, "hue max " + max[3]);
        assertEquals(0.0, sum[3] / n, 5 * 0.4 * 0.2887 / Math.sqrt(n));
        double seHalf = 5 * 0.5 / Math.sqrt(n);
        assertEquals(0.5, flipsH / (double) n, seHalf);
        assertEquals(0.5, flipsV / (double) n, seHalf);
        for (int t : turns) {
            assertEquals(0.25, t / (double) n, 5 * Math.sqrt(0.25 * 0.75 / n));
        }
        assertEquals(24, orders.size());
    }

    @Test
    void disabledGeometryIsNeverDrawn() {
        Augmentation colourOnly = new Augmentation(false, false, 0.5, 0.5, 0.5, 0.2);
        for (long seed = 0; seed < 200; seed++) {
            AugmentParams p = colourOnly.sample(seed);
            assertEquals(0, p.rotate90());
            assertTrue(!p.flipHorizontal() && !p.flipVertical());
            // colour draws are the same as with geometry on: draws never depend on other settings
            AugmentParams full = Augmentation.paperDefault().sample(seed);
            assertEquals(full.brightnessFactor(), p.brightnessFactor());
            assertEquals(full.jitterOrder(), p.jitterOrder());
        }
    }

    private static RgbImage smallImage() {
        int[] r = new int[16];
        int[] g = new int[16];
        int[] b = new int[16];
        for (int i = 0; i < 16; i++) {
            r[i] = 15 * i;
            g[i] = 255 - 13 * i;
            b[i] = (70 * i) % 256;
        }
        return TestImages.of(4, 4, r, g, b);
    }
}
