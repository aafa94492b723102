package org.lowmag.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OtsuTest {

    /**
     * Histogram over bins 0..3: counts 3, 1, 0, 2 (6 pixels, index sum 7). Between-class variance
     * w0 w1 (mu0 - mu1)^2:
     *
     * <pre>
     *   t = 0: w0 = 3, mu0 = 0,    w1 = 3, mu1 = 7/3   -> 9 (7/3)^2    = 49.0
     *   t = 1: w0 = 4, mu0 = 1/4,  w1 = 2, mu1 = 6/2   -> 8 (11/4)^2   = 60.5
     *   t = 2: same classes as t = 1 (bin 2 is empty)  -> 60.5, a tie: the first wins
     * </pre>
     */
    @Test
    void tinyHistogramByHand() {
        assertEquals(1, Otsu.thresholdBin(new long[] {3, 1, 0, 2}));
    }

    @Test
    void bimodalSplitsBetweenTheModes() {
        // two separated lumps: anything between them splits the same way; the first such bin wins
        assertEquals(1, Otsu.thresholdBin(new long[] {2, 3, 0, 0, 0, 0, 4, 1}));
    }

    @Test
    void thresholdOfValuesIsTheSplitBinCentre() {
        // 0.0 x3, 0.1, 0.9 x2 -> bins of width 0.9/256 over [0, 0.9]; 0.1 falls in bin 28;
        // the split is after bin 28 (low class {0, 0.1}), so t = (28 + 0.5) * 0.9 / 256
        double t = Otsu.threshold(new double[] {0, 0, 0, 0.1, 0.9, 0.9});
        assertEquals(28.5 * 0.9 / 256, t, 1e-12);
    }

    @Test
    void uniformValuesGiveTheirValue() {
        assertEquals(0.5, Otsu.threshold(new double[] {0.5, 0.5}), 0.0);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Otsu.thresholdBin(new long[] {5}));
        assertThrows(IllegalArgumentException.class, () -> Otsu.thresholdBin(new long[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> Otsu.threshold(new double[0]));
    }
}
