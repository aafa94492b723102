package org.lowmag.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CoarseTileSourceTest {

    /**
     * Scale 4 at 0.5 um/px draws the plan at 2 um/px: written pixel (x, y) is drawn pixel (floor(x
     * / 4), floor(y / 4)). A region starting off the 4-pixel grid, at (10, 7), 13 x 9 px, needs
     * drawn pixels 2..5 across and 1..3 down; its pixel (0, 0) is drawn (2, 1), its pixel (2, 1)
     * (written (12, 8)) is drawn (3, 2).
     */
    @Test
    void repeatsEachDrawnPixelOverAScaleByScaleBlock() {
        SlidePlan plan = new SlidePlanner(SynthFixtures.small()).plan(TissueClass.CARCINOMA, 3);
        CoarseTileSource source = new CoarseTileSource(plan, 0.5, 4);
        SlideRenderer drawn = new SlideRenderer(plan, 2.0);
        int x0 = 1000;
        int y0 = 700;
        BufferedImage region = source.render(x0 + 10, y0 + 7, 13, 9);
        BufferedImage coarse = drawn.render(x0 / 4, y0 / 4, 8, 6);
        assertEquals(13, region.getWidth());
        assertEquals(9, region.getHeight());
        for (int j = 0; j < 9; j++) {
            for (int i = 0; i < 13; i++) {
                int cx = (10 + i) / 4;
                int cy = (7 + j) / 4;
                assertEquals(
                        coarse.getRGB(cx, cy) & 0xFFFFFF,
                        region.getRGB(i, j) & 0xFFFFFF,
                        "pixel " + i + "," + j);
            }
        }
        assertEquals(region.getRGB(0, 0), coarse.getRGB(2, 1));
        assertEquals(region.getRGB(2, 1), coarse.getRGB(3, 2));
    }

    @Test
    void refusesAScaleBelowTwo() {
        SlidePlan plan = new SlidePlanner(SynthFixtures.small()).plan(TissueClass.NORMAL, 1);
        assertThrows(IllegalArgumentException.class, () -> new CoarseTileSource(plan, 0.5, 1));
    }
}
