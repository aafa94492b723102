package org.lowmag.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Golden values of the geometry and colour primitives, derived by hand in the comments. */
class ShapesTest {

    private static final double[] NONE = new double[0];

    @Test
    void circleDepthIsTheDistanceToItsEdge() {
        Blob c = new Blob(100, 50, 10, 10, 0.3, NONE, NONE);
        assertEquals(3.0, c.depth(107, 50), 1e-12); // 10 - 7
        assertEquals(10 - Math.hypot(6, 9), c.depth(106, 59), 1e-12); // just outside
        assertTrue(c.depth(100, 90) < 0); // far outside: only the sign is meaningful
        assertEquals(10.0, c.reach(), 1e-12);
    }

    @Test
    void ellipseDepthIsFirstOrderDistance() {
        // a = 10, b = 5, unrotated; at (0, 4): q = 0.8, |grad q| = (0.8 / 5) / 0.8 = 0.2,
        // depth = (1 - 0.8) / 0.2 = 1.0 (exact: 5 - 4)
        Blob e = new Blob(0, 0, 10, 5, 0, NONE, NONE);
        assertEquals(1.0, e.depth(0, 4), 1e-12);
        // rotated by 90 degrees the long axis is vertical: at (0, 8), q = 0.8, grad = 0.1 -> 2
        Blob r = new Blob(0, 0, 10, 5, Math.PI / 2, NONE, NONE);
        assertEquals(2.0, r.depth(0, 8), 1e-9);
    }

    @Test
    void harmonicsMoveTheEdge() {
        // r(theta) = 1 + 0.1 cos(2 theta): along x (theta = 0) the edge is at 11, along y at 9
        Blob b = new Blob(0, 0, 10, 10, 0, new double[] {0.1}, new double[] {0});
        assertEquals(0.0, b.depth(11, 0), 1e-9);
        assertEquals(0.0, b.depth(0, 9), 1e-9);
        assertEquals(11.0, b.reach(), 1e-12);
    }

    @Test
    void stainModelFollowsBeerLambert() {
        // no stain: the glass colour
        assertEquals(0xF2F2F2, StainModel.rgb(0, 0, 242, 0));
        // h = 1 on 255 glass: 255 exp(-(0.5626, 0.7201, 0.4062)) = (145.3, 124.1, 169.6)
        int h = StainModel.rgb(1, 0, 255, 0);
        assertArrayEquals(new int[] {145, 124, 170}, channels(h));
        // e = 0.5: 255 exp(-0.5 (0.2159, 0.8012, 0.5581)) = (228.9, 171.4, 192.8)
        assertArrayEquals(new int[] {229, 171, 193}, channels(StainModel.rgb(0, 0.5f, 255, 0)));
        // noise adds grey levels, clamped
        assertEquals(0xFFFFFF, StainModel.rgb(0, 0, 250, 10));
    }

    @Test
    void valueNoiseInterpolatesLatticeHashes() {
        long seed = 42;
        assertEquals(Noise.hash(seed, 3, 4), Noise.value(seed, 3, 4), 1e-15);
        // at the middle of a cell, smoothstep(0.5) = 0.5: the mean of the four corners
        double mid =
                (Noise.hash(seed, 3, 4)
                                + Noise.hash(seed, 4, 4)
                                + Noise.hash(seed, 3, 5)
                                + Noise.hash(seed, 4, 5))
                        / 4;
        assertEquals(mid, Noise.value(seed, 3.5, 4.5), 1e-12);
        double v = Noise.value(seed, -7.3, 2.9);
        assertTrue(v >= 0 && v < 1);
    }

    @Test
    void gridQueriesReturnEachNearbyObjectOnceInOrder() {
        double[] x = {10, 50, 300, 55};
        double[] y = {10, 60, 300, 65};
        double[] r = {5, 30, 5, 2};
        SpatialGrid g = new SpatialGrid(400, 400, 20, x, y, r);
        assertArrayEquals(new int[] {0, 1, 3}, g.query(0, 0, 100, 100));
        assertArrayEquals(new int[] {2}, g.query(290, 290, 310, 310));
        assertArrayEquals(new int[0], g.query(150, 150, 160, 160));
    }

    private static int[] channels(int rgb) {
        return new int[] {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255};
    }
}
