package org.lowmag.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LanczosResamplerTest {

    private static int[] randomRgb(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) {
            rgb[i] = random.nextInt(1 << 24);
        }
        return rgb;
    }

    @Test
    void constantImageStaysConstant() {
        int[] rgb = new int[37 * 23];
        java.util.Arrays.fill(rgb, 0x7f10e0);
        try (LanczosResampler r = new LanczosResampler(1)) {
            for (int[] size : new int[][] {{5, 3}, {37, 23}, {100, 7}, {1, 1}}) {
                int[] out = r.resize(rgb, 37, 23, size[0], size[1]);
                for (int p : out) {
                    assertEquals(0x7f10e0, p);
                }
            }
        }
    }

    @Test
    void parallelBandsGiveTheSameResultAsOneThread() {
        int w = 733;
        int h = 541; // > PARALLEL_MIN_PIXELS, so the pool is used
        int[] rgb = randomRgb(w * h, 42);
        for (double factor : new double[] {1.7, 4.0, 9.3}) {
            int ow = LanczosResampler.outputSize(w, factor);
            int oh = LanczosResampler.outputSize(h, factor);
            int[] serial;
            int[] parallel;
            try (LanczosResampler one = new LanczosResampler(1);
                    LanczosResampler four = new LanczosResampler(4)) {
                serial = one.resize(rgb, w, h, ow, oh);
                parallel = four.resize(rgb, w, h, ow, oh);
            }
            assertArrayEquals(serial, parallel, "factor " + factor);
        }
    }

    @Test
    void imageTypesAgree() {
        int w = 40;
        int h = 30;
        int[] rgb = randomRgb(w * h, 7);
        BufferedImage intRgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage argb = new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
        intRgb.setRGB(0, 0, w, h, rgb, 0, w);
        bgr.setRGB(0, 0, w, h, rgb, 0, w);
        argb.setRGB(0, 0, w, h, rgb, 0, w); // alpha 0 everywhere: it is ignored
        try (LanczosResampler r = new LanczosResampler(2)) {
            int[] expected = r.resize(rgb, w, h, 13, 11);
            for (BufferedImage img : new BufferedImage[] {intRgb, bgr, argb}) {
                BufferedImage out = r.resize(img, 13, 11);
                assertEquals(BufferedImage.TYPE_INT_RGB, out.getType());
                int[] actual = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
                assertArrayEquals(expected, actual, "image type " + img.getType());
            }
        }
    }

    @Test
    void greyIsResampledOnItsRawValues() {
        BufferedImage grey = new BufferedImage(9, 9, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(4, 4, 0, 200);
        try (LanczosResampler r = new LanczosResampler(1)) {
            int[] rgb = new int[81];
            rgb[40] = 200 << 16 | 200 << 8 | 200;
            int[] expected = r.resize(rgb, 9, 9, 3, 3);
            BufferedImage out = r.resize(grey, 3, 3);
            for (int i = 0; i < 9; i++) {
                assertEquals(expected[i], out.getRGB(i % 3, i / 3) & 0xffffff);
            }
        }
    }

    @Test
    void outputSizeRoundsHalvesUp() {
        assertEquals(81, LanczosResampler.outputSize(161, 2.0));
        assertEquals(80, LanczosResampler.outputSize(160, 2.0));
        assertEquals(1, LanczosResampler.outputSize(5, 100.0));
        assertEquals(22, LanczosResampler.outputSize(161, 7.3)); // 22.05
        assertEquals(322, LanczosResampler.outputSize(161, 0.5));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new LanczosResampler(0));
        assertThrows(IllegalArgumentException.class, () -> LanczosResampler.outputSize(10, 0));
        assertThrows(
                IllegalArgumentException.class, () -> LanczosResampler.outputSize(10, Double.NaN));
        assertThrows(
                IllegalArgumentException.class,
                () -> LanczosResampler.outputSize(10, Double.POSITIVE_INFINITY));
        try (LanczosResampler r = new LanczosResampler(1)) {
            assertThrows(IllegalArgumentException.class, () -> r.resize(new int[4], 2, 2, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> r.resize(new int[3], 2, 2, 1, 1));
        }
    }
}
