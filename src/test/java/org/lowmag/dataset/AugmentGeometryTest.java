package org.lowmag.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flips and rotations on a 3x2 image whose R values are 1-6 in reading order (G = R + 10, B = R +
 * 20, so all planes must move together):
 *
 * <pre>
 *   1 2 3
 *   4 5 6
 * </pre>
 */
class AugmentGeometryTest {

    private static final RgbImage IMG =
            TestImages.of(
                    3,
                    2,
                    new int[] {1, 2, 3, 4, 5, 6},
                    new int[] {11, 12, 13, 14, 15, 16},
                    new int[] {21, 22, 23, 24, 25, 26});

    private static AugmentParams geometry(boolean flipH, boolean flipV, int turns) {
        return new AugmentParams(
                flipH, flipV, turns, List.of(ColorOp.values()), 1.0, 1.0, 1.0, 0.0);
    }

    private static void assertGrid(RgbImage out, int widthPx, int heightPx, int... red) {
        assertEquals(widthPx, out.widthPx(), "width");
        assertEquals(heightPx, out.heightPx(), "height");
        assertArrayEquals(red, TestImages.channel(out, 0), "R");
        int[] green = new int[red.length];
        int[] blue = new int[red.length];
        for (int i = 0; i < red.length; i++) {
            green[i] = red[i] + 10;
            blue[i] = red[i] + 20;
        }
        assertArrayEquals(green, TestImages.channel(out, 1), "G");
        assertArrayEquals(blue, TestImages.channel(out, 2), "B");
    }

    /** 3 2 1 / 6 5 4. */
    @Test
    void flipHorizontal() {
        assertGrid(geometry(true, false, 0).apply(IMG), 3, 2, 3, 2, 1, 6, 5, 4);
    }

    /** 4 5 6 / 1 2 3. */
    @Test
    void flipVertical() {
        assertGrid(geometry(false, true, 0).apply(IMG), 3, 2, 4, 5, 6, 1, 2, 3);
    }

    /**
     * One quarter turn counter-clockwise (2 wide, 3 high):
     *
     * <pre>
     *   3 6
     *   2 5
     *   1 4
     * </pre>
     */
    @Test
    void rotateQuarterTurnCounterClockwise() {
        assertGrid(geometry(false, false, 1).apply(IMG), 2, 3, 3, 6, 2, 5, 1, 4);
    }

    /** Half turn: 6 5 4 / 3 2 1, the same as both flips. */
    @Test
    void rotateHalfTurn() {
        assertGrid(geometry(false, false, 2).apply(IMG), 3, 2, 6, 5, 4, 3, 2, 1);
        assertGrid(geometry(true, true, 0).apply(IMG), 3, 2, 6, 5, 4, 3, 2, 1);
    }

    /**
     * Three quarter turns counter-clockwise, i.e. one clockwise (2 wide, 3 high):
     *
     * <pre>
     *   4 1
     *   5 2
     *   6 3
     * </pre>
     */
    @Test
    void rotateThreeQuarterTurns() {
        assertGrid(geometry(false, false, 3).apply(IMG), 2, 3, 4, 1, 5, 2, 6, 3);
    }

    /**
     * Flip left-right (3 2 1 / 6 5 4), then a quarter turn counter-clockwise: the transpose.
     *
     * <pre>
     *   1 4
     *   2 5
     *   3 6
     * </pre>
     */
    @Test
    void flipThenRotateIsTranspose() {
        assertGrid(geometry(true, false, 1).apply(IMG), 2, 3, 1, 4, 2, 5, 3, 6);
    }

    /**
     * The fused colour path writes through the same map as the plain permutation: flip left-right
     * then three quarter turns (one clockwise) gives R = 6 3 / 5 2 / 4 1, then brightness 2 doubles
     * every value.
     */
    @Test
    void colourPathUsesTheSameGeometry() {
        AugmentParams both =
                new AugmentParams(true, false, 3, List.of(ColorOp.values()), 2.0, 1.0, 1.0, 0.0);
        RgbImage out = both.apply(IMG);
        assertEquals(2, out.widthPx());
        assertEquals(3, out.heightPx());
        assertArrayEquals(new int[] {12, 6, 10, 4, 8, 2}, TestImages.channel(out, 0));
        assertArrayEquals(new int[] {32, 26, 30, 24, 28, 22}, TestImages.channel(out, 1));
        assertArrayEquals(new int[] {52, 46, 50, 44, 48, 42}, TestImages.channel(out, 2));
    }
}
