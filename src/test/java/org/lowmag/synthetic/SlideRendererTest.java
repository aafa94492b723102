package org.lowmag.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SlideRendererTest {

    @Test
    void sameSeedGivesIdenticalPixels() {
        for (TissueClass c : TissueClass.values()) {
            int[] a = SynthFixtures.pixels(SynthFixtures.renderer(c, 5).render(600, 500, 700, 600));
            int[] b = SynthFixtures.pixels(SynthFixtures.renderer(c, 5).render(600, 500, 700, 600));
            assertArrayEquals(a, b, c.label());
        }
    }

    @Test
    void differentSeedGivesDifferentPixels() {
        int[] a = SynthFixtures.pixels(SynthFixtures.renderer(TissueClass.NORMAL, 5).renderAll());
        int[] b = SynthFixtures.pixels(SynthFixtures.renderer(TissueClass.NORMAL, 6).renderAll());
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        assertTrue(same < a.length / 10, same + " of " + a.length + " pixels equal");
    }

    @Test
    void pixelsDoNotDependOnHowTheSlideIsCutIntoTiles() {
        SlideRenderer r = SynthFixtures.renderer(TissueClass.CARCINOMA, 9);
        int x0 = 700;
        int y0 = 600;
        int w = 300;
        int h = 200;
        int[] whole = SynthFixtures.pixels(r.render(x0, y0, w, h));
        int[] pieced = new int[w * h];
        int[][] cuts = {{0, 0, 117, 83}, {117, 0, 183, 83}, {0, 83, 117, 117}, {117, 83, 183, 117}};
        for (int[] c : cuts) {
            BufferedImage t = r.render(x0 + c[0], y0 + c[1], c[2], c[3]);
            for (int j = 0; j < c[3]; j++) {
                for (int i = 0; i < c[2]; i++) {
                    pieced[(c[1] + j) * w + c[0] + i] = t.getRGB(i, j);
                }
            }
        }
        assertArrayEquals(whole, pieced);
    }

    @Test
    void looksLikeHaematoxylinAndEosinOnGlass() {
        SlideRenderer r = SynthFixtures.renderer(TissueClass.NORMAL, 3);
        int[] px = SynthFixtures.pixels(r.renderAll());
        byte[] cls = r.classes(0, 0, r.widthPx(), r.heightPx());
        double[][] mean = new double[4][4];
        for (int i = 0; i < px.length; i++) {
            double[] m = mean[cls[i]];
            m[0] += (px[i] >> 16) & 255;
            m[1] += (px[i] >> 8) & 255;
            m[2] += px[i] & 255;
            m[3]++;
        }
        for (double[] m : mean) {
            for (int k = 0; k < 3; k++) {
                m[k] /= m[3];
            }
        }
        double[] glass = mean[SlideRenderer.GLASS];
        assertTrue(
                glass[0] > 232 && Math.abs(glass[0] - glass[2]) < 3,
                "glass " + Arrays.toString(glass));
        double[] stroma = mean[SlideRenderer.STROMA];
        assertTrue(
                stroma[0] > stroma[2] && stroma[2] > stroma[1],
                "pink stroma " + Arrays.toString(stroma));
        double[] lumen = mean[SlideRenderer.LUMEN];
        assertTrue(lumen[1] > 210, "white-ish lumens " + Arrays.toString(lumen));
        assertTrue(mean[SlideRenderer.EPITHELIUM][3] > 0, "has glands");
    }

    @Test
    void nucleiArePurpleAndDark() {
        SlideRenderer r = SynthFixtures.renderer(TissueClass.NORMAL, 3);
        int[] px = SynthFixtures.pixels(r.renderAll());
        long dark = 0;
        long purple = 0;
        for (int p : px) {
            if (SynthFixtures.luminance(p) < 100) {
                dark++;
                int red = (p >> 16) & 255;
                int green = (p >> 8) & 255;
                int blue = p & 255;
                purple += blue > red && red > green ? 1 : 0;
            }
        }
        assertTrue(dark > 1000, "dark pixels " + dark);
        assertFalse(purple < 0.9 * dark, purple + " of " + dark + " dark pixels purple");
    }
}
