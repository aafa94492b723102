package org.lowmag.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResampleWeightsTest {

    @Test
    void kernelValuesByHand() {
        assertEquals(1.0, LanczosKernel.weight(0.0), 0.0);
        // sinc(0.25) sinc(1/12) = (sin(pi/4) / (pi/4)) (sin(pi/12) / (pi/12))
        //                       = 0.9003163 * 0.9886159 = 0.8900671
        assertEquals(0.8900670517, LanczosKernel.weight(0.25), 1e-9);
        assertEquals(0.8900670517, LanczosKernel.weight(-0.25), 1e-9);
        assertEquals(0.0, LanczosKernel.weight(1.0), 1e-15);
        // the interval is half open, as in Pillow: L(-3) is evaluated (= 0), L(3) is cut off
        assertEquals(0.0, LanczosKernel.weight(3.0), 0.0);
        assertEquals(0.0, LanczosKernel.weight(-3.0), 1e-15);
        assertEquals(0.0, LanczosKernel.weight(7.5), 0.0);
    }

    /**
     * 4 -> 2 samples: scale 2, support 6. Output 0 is centred at 1.0 and covers inputs 0..3 (the
     * window [1 - 6 + 0.5, 1 + 6 + 0.5) clipped to the image), with raw weights L((j - 1 + 0.5) /
     * 2) = L(-0.25), L(0.25), L(0.75), L(1.25) = 0.8900671, 0.8900671, 0.2701898, -0.1328710, sum
     * 1.9174529, so normalised 0.4641924, 0.4641924, 0.1409108, -0.0692956; fixed point (x 2^22,
     * rounded half away from 0) 1946964, 1946964, 591023, -290647. Output 1 is the mirror image.
     */
    @Test
    void fourToTwoByHand() {
        ResampleWeights w = ResampleWeights.lanczos3(4, 2);
        assertEquals(13, w.kernelSize());
        assertEquals(0, w.first(0));
        assertEquals(4, w.count(0));
        double[] expected = {0.4641924, 0.4641924, 0.1409108, -0.0692956};
        int[] fixed = {1946964, 1946964, 591023, -290647};
        for (int t = 0; t < 4; t++) {
            assertEquals(expected[t], w.weight(0, t), 1e-7);
            assertEquals(fixed[t], w.fixedWeight(0, t));
            assertEquals(expected[3 - t], w.weight(1, t), 1e-7);
        }
    }

    @Test
    void identityWhenSizeIsKept() {
        ResampleWeights w = ResampleWeights.lanczos3(10, 10);
        for (int i = 0; i < 10; i++) {
            for (int t = 0; t < w.count(i); t++) {
                int expected = w.first(i) + t == i ? 1 << ResampleWeights.PRECISION_BITS : 0;
                assertEquals(expected, w.fixedWeight(i, t), "sample " + i + " tap " + t);
            }
        }
    }

    @Test
    void weightsSumToOneAndWindowsMoveForward() {
        ResampleWeights w = ResampleWeights.lanczos3(1000, 137);
        int previous = 0;
        for (int i = 0; i < 137; i++) {
            double sum = 0;
            long fixedSum = 0;
            for (int t = 0; t < w.count(i); t++) {
                sum += w.weight(i, t);
                fixedSum += w.fixedWeight(i, t);
            }
            assertEquals(1.0, sum, 1e-12);
            assertEquals(1 << ResampleWeights.PRECISION_BITS, fixedSum, w.count(i));
            assertEquals(true, w.first(i) >= previous);
            assertEquals(true, w.count(i) <= w.kernelSize());
            previous = w.first(i);
        }
    }

    @Test
    void clampsToEightBits() {
        assertEquals(0, ResampleWeights.apply(-5 << 22));
        assertEquals(255, ResampleWeights.apply(300 << 22));
        assertEquals(17, ResampleWeights.apply((17 << 22) + (1 << 21)));
    }

    @Test
    void rejectsEmptySizes() {
        assertThrows(IllegalArgumentException.class, () -> ResampleWeights.lanczos3(0, 4));
        assertThrows(IllegalArgumentException.class, () -> ResampleWeights.lanczos3(4, 0));
    }
}
