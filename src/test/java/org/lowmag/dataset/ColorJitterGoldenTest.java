package org.lowmag.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived golden values for each colour op. All arithmetic below is in grey levels (v = 255
 * x), which every op commutes with; the result is round(v').
 *
 * <p>The 2x2 image (pixels in row-major order p0 = (0,0), p1 = (1,0), p2 = (0,1), p3 = (1,1)):
 *
 * <pre>
 *        R    G    B    grey = 0.2989 R + 0.587 G + 0.114 B
 *   p0  200  100    0   59.78 + 58.7          = 118.48
 *   p1    0   50  100   29.35 + 11.4          =  40.75
 *   p2  100  100  100   0.9999 * 100          =  99.99
 *   p3   20  200   40   5.978 + 117.4 + 4.56  = 127.938
 *   mean grey = 387.158 / 4 = 96.7895
 * </pre>
 */
class ColorJitterGoldenTest {

    private static final RgbImage IMG =
            TestImages.of(
                    2,
                    2,
                    new int[] {200, 0, 100, 20},
                    new int[] {100, 50, 100, 200},
                    new int[] {0, 100, 100, 40});

    private static final List<ColorOp> BCSH =
            List.of(ColorOp.BRIGHTNESS, ColorOp.CONTRAST, ColorOp.SATURATION, ColorOp.HUE);

    private static AugmentParams jitter(
            List<ColorOp> order, double fb, double fc, double fs, double fh) {
        return new AugmentParams(false, false, 0, order, fb, fc, fs, fh);
    }

    private static void assertImage(RgbImage img, int[] r, int[] g, int[] b) {
        assertArrayEquals(r, TestImages.channel(img, 0), "R");
        assertArrayEquals(g, TestImages.channel(img, 1), "G");
        assertArrayEquals(b, TestImages.channel(img, 2), "B");
    }

    /** 1.5 v, clamped at 255: 200 -> 300 -> 255, 100 -> 150, 20 -> 30, 40 -> 60, 50 -> 75. */
    @Test
    void brightness() {
        RgbImage out = jitter(BCSH, 1.5, 1, 1, 0).apply(IMG);
        assertImage(
                out,
                new int[] {255, 0, 150, 30},
                new int[] {150, 75, 150, 255},
                new int[] {0, 150, 150, 60});
    }

    /**
     * f = 1.5: v' = 1.5 v - 0.5 * 96.7895 = 1.5 v - 48.39475. 200 -> 251.605 -> 252; 100 -> 101.605
     * -> 102; 50 -> 26.605 -> 27; 40 -> 11.605 -> 12; 20 and 0 -> negative -> 0; 200 (G of p3) ->
     * 252.
     */
    @Test
    void contrast() {
        RgbImage out = jitter(BCSH, 1, 1.5, 1, 0).apply(IMG);
        assertImage(
                out,
                new int[] {252, 0, 102, 0},
                new int[] {102, 27, 102, 252},
                new int[] {0, 102, 102, 12});
    }

    /** f = 0: every value becomes the mean grey 96.7895 -> 97. */
    @Test
    void contrastZeroGivesTheMeanGrey() {
        RgbImage out = jitter(BCSH, 1, 0, 1, 0).apply(IMG);
        int[] all97 = {97, 97, 97, 97};
        assertImage(out, all97, all97, all97);
    }

    /**
     * f = 0.5: v' = 0.5 v + 0.5 grey. p0: half grey 59.24 -> (159.24, 109.24, 59.24); p1: 20.375 ->
     * (20.375, 45.375, 70.375); p2: 49.995 -> 99.995 each; p3: 63.969 -> (73.969, 163.969, 83.969).
     */
    @Test
    void saturationHalf() {
        RgbImage out = jitter(BCSH, 1, 1, 0.5, 0).apply(IMG);
        assertImage(
                out,
                new int[] {159, 20, 100, 74},
                new int[] {109, 45, 100, 164},
                new int[] {59, 70, 100, 84});
    }

    /**
     * f = 2: v' = 2 v - grey, clamped. p0: (281.52 -> 255, 81.52, -118.48 -> 0); p1: (-40.75 -> 0,
     * 59.25, 159.25); p2: 100.01 each; p3: (-87.938 -> 0, 272.062 -> 255, -47.938 -> 0).
     */
    @Test
    void saturationDoubleClamps() {
        RgbImage out = jitter(BCSH, 1, 1, 2, 0).apply(IMG);
        assertImage(
                out,
                new int[] {255, 0, 100, 0},
                new int[] {82, 59, 100, 255},
                new int[] {0, 159, 100, 0});
    }

    /** f = 0: every pixel becomes its grey: 118.48, 40.75, 99.99, 127.938. */
    @Test
    void saturationZeroIsGreyscale() {
        RgbImage out = jitter(BCSH, 1, 1, 0, 0).apply(IMG);
        int[] grey = {118, 41, 100, 128};
        assertImage(out, grey, grey, grey);
    }

    /**
     * torchvision weighs red 0.2989, not 0.299: grey of (199, 0, 0) is 0.2989 * 199 = 59.4811 ->
     * 59, where 0.299 would give 59.501 -> 60.
     */
    @Test
    void greyUsesTorchvisionWeights() {
        RgbImage out = jitter(BCSH, 1, 1, 0, 0).apply(TestImages.pixel(199, 0, 0));
        assertImage(out, px(59), px(59), px(59));
    }

    /** Red (h = 0) + 1/3 turn is green, - 1/3 turn (= + 2/3) is blue. */
    @Test
    void hueThirdTurnsRotatePrimaries() {
        RgbImage red = TestImages.pixel(255, 0, 0);
        assertImage(jitter(BCSH, 1, 1, 1, 1.0 / 3).apply(red), px(0), px(255), px(0));
        assertImage(jitter(BCSH, 1, 1, 1, -1.0 / 3).apply(red), px(0), px(0), px(255));
    }

    /**
     * (200, 100, 0): M = 200 = r, C = 200, s = 1, v = 200, gc = 0.5, bc = 1, h = (bc - gc) / 6 =
     * 1/12. Shift +0.1: h = 0.18333, 6h = 1.1, i = 1, f = 0.1: (q, v, p) = (200 (1 - 0.1), 200, 0)
     * = (180, 200, 0). Shift -0.1: h = 0.98333, 6h = 5.9, i = 5, f = 0.9: (v, p, q) = (200, 0, 200
     * (1 - 0.9)) = (200, 0, 20).
     */
    @Test
    void hueShiftOfOrange() {
        RgbImage orange = TestImages.pixel(200, 100, 0);
        assertImage(jitter(BCSH, 1, 1, 1, 0.1).apply(orange), px(180), px(200), px(0));
        assertImage(jitter(BCSH, 1, 1, 1, -0.1).apply(orange), px(200), px(0), px(20));
    }

    /**
     * (200, 150, 100): M = 200 = r, C = 100, s = 0.5, v = 200, gc = 0.5, bc = 1, h = 1/12. Shift
     * 0.15: h = 0.23333, 6h = 1.4, i = 1, f = 0.4: p = 200 * 0.5 = 100, q = 200 (1 - 0.5 * 0.4) =
     * 160: (q, v, p) = (160, 200, 100). (100, 50, 50): s = 0.5, h = 0; shift 0.5: 6h = 3, f = 0:
     * (p, q, v) = (50, 100, 100). A grey pixel does not move.
     */
    @Test
    void hueShiftOfUnsaturatedColours() {
        RgbImage tan = TestImages.pixel(200, 150, 100);
        assertImage(jitter(BCSH, 1, 1, 1, 0.15).apply(tan), px(160), px(200), px(100));
        RgbImage pink = TestImages.pixel(100, 50, 50);
        assertImage(jitter(BCSH, 1, 1, 1, 0.5).apply(pink), px(50), px(100), px(100));
        RgbImage grey = TestImages.pixel(77, 77, 77);
        assertImage(jitter(BCSH, 1, 1, 1, 0.3).apply(grey), px(77), px(77), px(77));
    }

    /**
     * Brightness 2 then saturation 0 on p0: (255 clamped, 200, 0), grey = 76.2195 + 117.4 =
     * 193.6195 -> 194. Saturation 0 then brightness 2: 2 * 118.48 = 236.96 -> 237.
     */
    @Test
    void orderMattersForBrightnessAndSaturation() {
        List<ColorOp> bs =
                List.of(ColorOp.BRIGHTNESS, ColorOp.SATURATION, ColorOp.CONTRAST, ColorOp.HUE);
        List<ColorOp> sb =
                List.of(ColorOp.SATURATION, ColorOp.BRIGHTNESS, ColorOp.CONTRAST, ColorOp.HUE);
        assertArrayEquals(new int[] {194, 194, 194}, pixel0(jitter(bs, 2, 1, 0, 0).apply(IMG)));
        assertArrayEquals(new int[] {237, 237, 237}, pixel0(jitter(sb, 2, 1, 0, 0).apply(IMG)));
    }

    /**
     * Contrast uses the mean of the image as it is when contrast runs. Brightness 2 first gives p0
     * (255, 200, 0) grey 193.6195, p1 (0, 100, 200) grey 81.5, p2 (200, 200, 200) grey 199.98, p3
     * (40, 255, 80) grey 11.956 + 149.685 + 9.12 = 170.761: mean 645.8605 / 4 = 161.465 -> 161
     * everywhere after contrast 0. Contrast 0 first: 96.7895, then * 2 = 193.579 -> 194.
     */
    @Test
    void contrastMeanIsTakenAfterThePrecedingOps() {
        List<ColorOp> bc =
                List.of(ColorOp.BRIGHTNESS, ColorOp.CONTRAST, ColorOp.SATURATION, ColorOp.HUE);
        List<ColorOp> cb =
                List.of(ColorOp.CONTRAST, ColorOp.BRIGHTNESS, ColorOp.SATURATION, ColorOp.HUE);
        int[] all161 = {161, 161, 161, 161};
        assertImage(jitter(bc, 2, 0, 1, 0).apply(IMG), all161, all161, all161);
        int[] all194 = {194, 194, 194, 194};
        assertImage(jitter(cb, 2, 0, 1, 0).apply(IMG), all194, all194, all194);
    }

    @Test
    void identityReturnsAnEqualCopy() {
        RgbImage out = AugmentParams.IDENTITY.apply(IMG);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(TestImages.channel(IMG, c), TestImages.channel(out, c));
        }
        assertNotSame(IMG.planes()[0], out.planes()[0]);
    }

    private static int[] px(int v) {
        return new int[] {v};
    }

    private static int[] pixel0(RgbImage img) {
        return new int[] {img.get(0, 0, 0), img.get(1, 0, 0), img.get(2, 0, 0)};
    }
}
