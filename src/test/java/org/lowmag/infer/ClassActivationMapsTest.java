package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** CAM golden values derived by hand. */
class ClassActivationMapsTest {

    /**
     * F (C = 2, 2x2): channel 0 = [[1, 2], [3, 4]], channel 1 = [[0, 1], [0, -1]]; W = [[1, 2],
     * [-1, 0.5]]. CAM_0 = F0 + 2 F1 = [[1, 4], [3, 2]]; CAM_1 = -F0 + 0.5 F1 = [[-1, -1.5], [-3,
     * -4.5]].
     */
    @Test
    void camIsTheFcWeightedSumOfChannels() {
        float[] f = {1, 2, 3, 4, 0, 1, 0, -1};
        float[] w = {1, 2, -1, 0.5f};
        float[][] cam = ClassActivationMaps.compute(w, 2, f, 2, 2, 2);
        assertArrayEquals(new float[] {1, 4, 3, 2}, cam[0]);
        assertArrayEquals(new float[] {-1, -1.5f, -3, -4.5f}, cam[1]);
        assertThrows(
                IllegalArgumentException.class,
                () -> ClassActivationMaps.compute(w, 2, f, 2, 2, 3));
    }

    /**
     * Map [[1, 4], [3, 2]]: the centre (0.5, 0.5) is the mean 2.5; (y 0, x 0.25) is 0.75 * 1 + 0.25
     * * 4 = 1.75; (y 0.5, x 1) is (4 + 2) / 2 = 3; outside points clamp to the edge cells.
     */
    @Test
    void bilinearGoldens() {
        float[] m = {1, 4, 3, 2};
        assertEquals(2.5, ClassActivationMaps.bilinear(m, 2, 2, 0.5, 0.5), 1e-12);
        assertEquals(1.75, ClassActivationMaps.bilinear(m, 2, 2, 0, 0.25), 1e-12);
        assertEquals(3.0, ClassActivationMaps.bilinear(m, 2, 2, 0.5, 1), 1e-12);
        assertEquals(1.0, ClassActivationMaps.bilinear(m, 2, 2, -1, -1), 1e-12);
        assertEquals(2.0, ClassActivationMaps.bilinear(m, 2, 2, 5, 5), 1e-12);
    }

    /**
     * A 40x20 tissue padded to 64x64 (offset 12, 22) with a 2x2 map: tissue point (20, 10) is input
     * point (32, 32), the map's centre, cell coordinate 32 * 2 / 64 - 0.5 = 0.5.
     */
    @Test
    void tissueCamAccountsForPadding() {
        TissueCam cam =
                new TissueCam(
                        new float[][] {{1, 4, 3, 2}},
                        new float[] {0},
                        2,
                        2,
                        40,
                        20,
                        64,
                        64,
                        12,
                        22);
        assertEquals(2.5, cam.sample(0, 20, 10), 1e-12);
        // tissue point (4, -6) is input (16, 16): cell (0, 0)
        assertEquals(1.0, cam.sample(0, 4, -6), 1e-12);
    }
}
