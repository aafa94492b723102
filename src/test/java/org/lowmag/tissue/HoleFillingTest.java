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

    /** The per-pixel flood the scanline fill replaced: every background pixel pushed once. */
    private static boolean[] referenceFill(boolean[] mask, int w, int h) {
        boolean[] outside = new boolean[mask.length];
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        for (int i = 0; i < mask.length; i++) {
            int x = i % w;
            int y = i / w;
            if ((x == 0 || y == 0 || x == w - 1 || y == h - 1) && !mask[i] && !outside[i]) {
                outside[i] = true;
                stack.push(i);
            }
        }
        while (!stack.isEmpty()) {
            int i = stack.pop();
            int x = i % w;
            int[] next = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w};
            for (int j : next) {
                if (j >= 0 && j < mask.length && !mask[j] && !outside[j]) {
                    outside[j] = true;
                    stack.push(j);
                }
            }
        }
        boolean[] filled = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            filled[i] = !outside[i];
        }
        return filled;
    }

    /** Random masks of several densities and shapes (1-pixel rows and columns included). */
    @Test
    void scanlineFillEqualsThePerPixelFlood() {
        java.util.Random random = new java.util.Random(3);
        int[][] sizes = {{1, 1}, {1, 9}, {9, 1}, {2, 2}, {17, 13}, {64, 48}, {101, 77}};
        for (int[] wh : sizes) {
            for (double density : new double[] {0.1, 0.4, 0.55, 0.7, 0.9}) {
                boolean[] mask = new boolean[wh[0] * wh[1]];
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = random.nextDouble() < density;
                }
                assertArrayEquals(
                        referenceFill(mask, wh[0], wh[1]),
                        HoleFilling.fill(mask, wh[0], wh[1]),
                        wh[0] + "x" + wh[1] + " density " + density);
            }
        }
    }
}
