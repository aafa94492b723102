package org.lowmag.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lowmag.slide.RegionRequest;

/** Deep Zoom levels and tiles of a 2400 x 1800 slide with 256-px tiles, worked by hand. */
class DeepZoomGeometryTest {

    private final DeepZoomGeometry g = new DeepZoomGeometry(2400, 1800, 256);

    @Test
    void theTopLevelIsCeilLog2OfTheLongerSide() {
        // 2^11 = 2048 < 2400 <= 4096 = 2^12
        assertEquals(12, g.maxLevel());
        assertEquals(1, g.downsample(12));
        assertEquals(1200, g.levelWidthPx(11));
        assertEquals(1, g.levelWidthPx(0));
        assertEquals(1, g.levelHeightPx(0));
        // level 9: s = 8, ceil(2400 / 8) = 300, ceil(1800 / 8) = 225
        assertEquals(300, g.levelWidthPx(9));
        assertEquals(2, g.columns(9));
        assertEquals(1, g.rows(9));
    }

    @Test
    void aTileIsItsLevelRectangleTimesTheDownsample() {
        // level 12, tile (9, 7): x = 2304, y = 1792, 96 x 8 pixels at downsample 1
        assertEquals(new RegionRequest(2304, 1792, 96, 8, 1), g.tile(12, 9, 7));
        // level 9, tile (1, 0): level pixels [256, 300) x [0, 225), times 8
        RegionRequest r = g.tile(9, 1, 0);
        assertEquals(new RegionRequest(2048, 0, 352, 1800, 8), r);
        assertEquals(44, r.widthPx());
        assertEquals(225, r.heightPx());
    }

    @Test
    void refusesTilesOutsideThePyramid() {
        assertThrows(IllegalArgumentException.class, () -> g.tile(13, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> g.tile(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> g.tile(12, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> g.tile(12, 0, -1));
    }
}
