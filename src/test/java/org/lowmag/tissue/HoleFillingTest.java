package org.lowmag.tissue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class HoleFillingTest {

    private static void check(String[] in, String[] expected) {
        int w = Grids.width(in);
        boolean[] filled = HoleFilling.fill(Grids.parse(in), w, in.length);
        assertArrayEquals(Grids.parse(expected), filled);
    }

    @Test
    void closedRingIsFilled() {
        check(
                new String[] {
                    ". . . . . . .",
                    ". # # # # # .",
                    ". # . . . # .",
                    ". # . # . # .",
                    ". # . . . # .",
                    ". # # # # # .",
                    ". . . . . . ."
                },
                new String[] {
                    ". . . . . . .",
                    ". # # # # # .",
                    ". # # # # # .",
                    ". # # # # # .",
                    ". # # # # # .",
                    ". # # # # # .",
                    ". . . . . . ."
                });
    }

    /**
     * The background reaches the border only through edge neighbours (scipy's default structure),
     * so a pixel walled in on its 4 sides is a hole even though the ring has diagonal gaps.
     */
    @Test
    void diagonalGapsDoNotLetTheBackgroundIn() {
        check(
                new String[] {
                    ". . . . .", //
                    ". # # . .",
                    ". # . # .",
                    ". . # # .",
                    ". . . . ."
                },
                new String[] {
                    ". . . . .", //
                    ". # # . .",
                    ". # # # .",
                    ". . # # .",
                    ". . . . ."
                });
    }

    @Test
    void baysOpenToTheBorderStay() {
        String[] u = {
            "# . . . #", //
            "# . . . #",
            "# . # . #",
            "# # # # #"
        };
        check(u, u);
    }

    @Test
    void emptyAndFullMasks() {
        assertArrayEquals(new boolean[0], HoleFilling.fill(new boolean[0], 0, 0));
        check(new String[] {"# #", "# #"}, new String[] {"# #", "# #"});
        check(new String[] {". .", ". ."}, new String[] {". .", ". ."});
    }
}
