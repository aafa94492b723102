package org.lowmag.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A simple tissue detector (8x area average, "not glass" = any channel below 215, connected
 * components) finds exactly the planned tissue pieces, and the debris specks stay far below a
 * tissue-size threshold.
 */
class TissueSeparationTest {

    private static final int FACTOR = 8;
    private static final int MIN_TISSUE_PX = 100;

    @Test
    void tissuePiecesAreSeparatedByBackgroundAndDebrisIsTiny() {
        SynthesisParams p = new SynthesisParams(1.0, 4000, 3000, 3, 5, 500, 1200);
        int checked = 0;
        for (long seed = 1; seed <= 3; seed++) {
            SlidePlan plan = new SlidePlanner(p).plan(TissueClass.CARCINOMA, seed);
            SlideRenderer r = new SlideRenderer(plan, p.mpp());
            int[] px = SynthFixtures.pixels(r.renderAll());
            int w = r.widthPx() / FACTOR;
            int h = r.heightPx() / FACTOR;
            boolean[] mask = new boolean[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    mask[y * w + x] = minChannelOfBlock(px, r.widthPx(), x, y) < 215;
                }
            }
            int big = 0;
            int small = 0;
            for (int a : SynthFixtures.componentAreas(mask, w, h)) {
                if (a >= MIN_TISSUE_PX) {
                    big++;
                } else {
                    small++;
                    assertTrue(
                            a <= 16, "debris component of " + a + " px (8 x 8 um) is not a speck");
                }
            }
            assertEquals(plan.pieceCount(), big, "tissue pieces found, seed " + seed);
            assertTrue(plan.pieceCount() >= 2, "pieces on a 4 x 3 mm slide, seed " + seed);
            checked += small > 0 ? 1 : 0;
        }
        assertTrue(checked > 0, "some debris is visible");
    }

    private static int minChannelOfBlock(int[] px, int stride, int bx, int by) {
        int[] sum = new int[3];
        for (int j = 0; j < FACTOR; j++) {
            for (int i = 0; i < FACTOR; i++) {
                int p = px[(by * FACTOR + j) * stride + bx * FACTOR + i];
                sum[0] += (p >> 16) & 255;
                sum[1] += (p >> 8) & 255;
                sum[2] += p & 255;
            }
        }
        int n = FACTOR * FACTOR;
        return Math.min(sum[0] / n, Math.min(sum[1] / n, sum[2] / n));
    }
}
