package org.lowmag.tissue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

    /**
     *
     *
     * <pre>
     *   # # . . #        1 1 . . 2
     *   . # . . .        . 1 . . .
     *   . . # . .   ->   . . 1 . .     (1,1)-(2,2) touch at a corner: one piece
     *   . . . . #        . . . . 3
     *   # . . # #        4 . . 3 3     numbered by first pixel in raster order
     * </pre>
     */
    @Test
    void eightConnectedLabelsByHand() {
        String[] grid = {
            "# # . . #", //
            ". # . . .",
            ". . # . .",
            ". . . . #",
            "# . . # #"
        };
        ConnectedComponents c = ConnectedComponents.label(Grids.parse(grid), 5, 5);
        assertEquals(4, c.count());
        int[] expected = {
            1, 1, 0, 0, 2, //
            0, 1, 0, 0, 0,
            0, 0, 1, 0, 0,
            0, 0, 0, 0, 3,
            4, 0, 0, 3, 3
        };
        int[] actual = new int[25];
        for (int i = 0; i < 25; i++) {
            actual[i] = c.labelAt(i % 5, i / 5);
        }
        assertArrayEquals(expected, actual);
        assertEquals(4, c.area(1));
        assertEquals(1, c.area(2));
        assertEquals(3, c.area(3));
        assertEquals(1, c.area(4));
        // piece 1 spans columns 0..2, rows 0..2; piece 3 columns 3..4, rows 3..4
        assertArrayEquals(
                new int[] {0, 0, 2, 2}, new int[] {c.minX(1), c.minY(1), c.maxX(1), c.maxY(1)});
        assertArrayEquals(
                new int[] {3, 3, 4, 4}, new int[] {c.minX(3), c.minY(3), c.maxX(3), c.maxY(3)});
    }

    @Test
    void smallPiecesAreDroppedBelowTheMinimum() {
        String[] grid = {
            "# # . . #", //
            ". # . . .",
            ". . # . .",
            ". . . . #",
            "# . . # #"
        };
        ConnectedComponents c = ConnectedComponents.label(Grids.parse(grid), 5, 5);
        boolean[] kept = c.maskOfAtLeast(3); // areas 4, 1, 3, 1: pieces 1 and 3 stay
        assertArrayEquals(
                Grids.parse(
                        "# # . . .", //
                        ". # . . .",
                        ". . # . .",
                        ". . . . #",
                        ". . . # #"),
                kept);
    }

    @Test
    void emptyMaskHasNoComponents() {
        assertEquals(0, ConnectedComponents.label(new boolean[0], 0, 0).count());
        assertEquals(0, ConnectedComponents.label(new boolean[6], 3, 2).count());
    }

    @Test
    void rejectsBadIdsAndSizes() {
        ConnectedComponents c = ConnectedComponents.label(new boolean[] {true}, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> c.area(0));
        assertThrows(IllegalArgumentException.class, () -> c.area(2));
        assertThrows(
                IllegalArgumentException.class,
                () -> ConnectedComponents.label(new boolean[5], 2, 2));
    }
}
