package org.lowmag.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Pure-Java checks of the bicubic weight matrices (no engine). */
class BicubicWeightsTest {

    @Test
    void halvingUsesKeysWeightsAtHalfPixel() {
        // 4 -> 2: x = (0 + 0.5) * 2 - 0.5 = 0.5, t = 0.5; W(1.5) = -0.09375, W(0.5) = 0.59375.
        // Row 0 taps -1, 0, 1, 2 -> index -1 clamps to 0: 0.59375 - 0.09375 = 0.5.
        double[][] m = BicubicWeights.matrix(4, 2);
        assertArrayEquals(new double[] {0.5, 0.59375, -0.09375, 0}, m[0], 1e-15);
        assertArrayEquals(new double[] {0, -0.09375, 0.59375, 0.5}, m[1], 1e-15);
    }

    @Test
    void rampOf4x4To2x2GivesThePlainNotTheAntialiasedValue() {
        // Ramp x[r][c] = 4r + c: out[0][0] = 4 * (row 0 . [0,1,2,3]) + (row 0 . [0,1,2,3]).
        double[] row = BicubicWeights.matrix(4, 2)[0];
        double dot = 0;
        for (int c = 0; c < 4; c++) {
            dot += row[c] * c;
        }
        assertEquals(2.03125, 5 * dot, 1e-12); // DJL's antialiased bicubic gives 2.93388
    }

    @Test
    void sameSizeIsIdentity() {
        double[][] m = BicubicWeights.matrix(5, 5);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(i == j ? 1.0 : 0.0, m[i][j], 1e-15);
            }
        }
    }

    @Test
    void rowsSumToOneAndLargeDownsamplingReadsOnlyFourTaps() {
        int[][] sizes = {{13, 3}, {9, 2}, {5, 7}, {3, 5}, {1, 4}, {64, 4}};
        for (int[] s : sizes) {
            double[][] m = BicubicWeights.matrix(s[0], s[1]);
            for (double[] r : m) {
                double sum = 0;
                int nonZero = 0;
                for (double w : r) {
                    sum += w;
                    nonZero += w != 0 ? 1 : 0;
                }
                assertEquals(1.0, sum, 1e-12, s[0] + "->" + s[1]);
                assertEquals(true, nonZero <= 4, s[0] + "->" + s[1] + " taps " + nonZero);
            }
        }
    }

    @Test
    void keysKernelIsContinuousAtOne() {
        assertEquals(BicubicWeights.near(1.0), BicubicWeights.far(1.0), 1e-15);
        assertEquals(0.0, BicubicWeights.far(2.0), 1e-15);
        assertEquals(1.0, BicubicWeights.near(0.0), 1e-15);
    }

    @Test
    void rejectsEmptySizes() {
        assertThrows(IllegalArgumentException.class, () -> BicubicWeights.matrix(0, 3));
        assertThrows(IllegalArgumentException.class, () -> BicubicWeights.matrix(3, 0));
    }
}
