package org.lowmag.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Hand-derived goldens of {@link InputPadding}. */
class InputPaddingTest {

    private static final int[] MEAN = {10, 20, 30};

    /** A 3 x 1 image whose red values are 1, 2, 3 (green +10, blue +20). */
    private static RgbImage row3() {
        return TestImages.of(
                3, 1, new int[] {1, 2, 3}, new int[] {11, 12, 13}, new int[] {21, 22, 23});
    }

    @Test
    void whitePadsCentred() {
        RgbImage out = InputPadding.WHITE.apply(row3(), 5, MEAN);
        assertEquals(5, out.widthPx());
        assertEquals(5, out.heightPx());
        // left = (5 - 3) / 2 = 1, top = (5 - 1) / 2 = 2
        int[] red = TestImages.channel(out, 0);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                int want = (y == 2 && x >= 1 && x <= 3) ? x : 255;
                assertEquals(want, red[y * 5 + x], "x=" + x + " y=" + y);
            }
        }
    }

    @Test
    void meanFillsWithTheMeanColour() {
        RgbImage out = InputPadding.MEAN.apply(row3(), 4, MEAN);
        // left = 0, top = 1: row 1 is the tissue, the rest the fill
        assertArrayEquals(
                new int[] {10, 10, 10, 10, 1, 2, 3, 10, 10, 10, 10, 10, 10, 10, 10, 10},
                TestImages.channel(out, 0));
        assertEquals(30, TestImages.channel(out, 2)[0]);
        assertEquals(23, TestImages.channel(out, 2)[6]);
    }

    @Test
    void reflectMirrorsWithoutRepeatingTheEdge() {
        // numpy.pad([1, 2, 3], 2, mode="reflect") = [3, 2, 1, 2, 3, 2, 1]; rows likewise from
        // the single row (a 1-pixel side repeats it)
        RgbImage out = InputPadding.REFLECT.apply(row3(), 7, MEAN);
        int[] red = TestImages.channel(out, 0);
        for (int y = 0; y < 7; y++) {
            int[] row = new int[7];
            System.arraycopy(red, y * 7, row, 0, 7);
            assertArrayEquals(new int[] {3, 2, 1, 2, 3, 2, 1}, row, "row " + y);
        }
        assertEquals(21, TestImages.channel(out, 2)[2]);
    }

    @Test
    void reflectRepeatsForPadsLongerThanTheSide() {
        // indices of a side of 3, period 2(n-1) = 4: ..., 0, 1, 2, 1, 0, 1, 2, 1, 0, ...
        assertEquals(1, InputPadding.reflect(-1, 3));
        assertEquals(2, InputPadding.reflect(-2, 3));
        assertEquals(1, InputPadding.reflect(-3, 3));
        assertEquals(0, InputPadding.reflect(-4, 3));
        assertEquals(1, InputPadding.reflect(3, 3));
        assertEquals(0, InputPadding.reflect(4, 3));
        assertEquals(1, InputPadding.reflect(5, 3));
        assertEquals(0, InputPadding.reflect(17, 1));
    }

    @Test
    void noneAndLargeImagesAreUnchanged() {
        RgbImage img = row3();
        assertSame(img, InputPadding.NONE.apply(img, 32, MEAN));
        assertSame(img, InputPadding.WHITE.apply(img, 1, MEAN));
        assertSame(img, InputPadding.REFLECT.apply(img, 1, MEAN));
    }

    @Test
    void widthOnlyOrHeightOnly() {
        RgbImage out = InputPadding.WHITE.apply(row3(), 2, MEAN);
        assertEquals(3, out.widthPx());
        assertEquals(2, out.heightPx());
        // top = (2 - 1) / 2 = 0: the tissue, then one white row
        assertArrayEquals(new int[] {1, 2, 3, 255, 255, 255}, TestImages.channel(out, 0));
    }

    @Test
    void meanFillRoundsAndParses() {
        assertArrayEquals(
                new int[] {0, 128, 255}, InputPadding.meanFill(new double[] {0.0, 0.5, 1.0}));
        assertEquals(InputPadding.REFLECT, InputPadding.parse(" Reflect "));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> InputPadding.parse("zero"));
        assertEquals("padding 'zero' is not one of none, white, reflect, mean", e.getMessage());
    }

    @Test
    void padderSidesForEachTarget() {
        Padder stride = new Padder(InputPadding.WHITE, 32, false, MEAN);
        Padder multiple = new Padder(InputPadding.WHITE, 32, true, MEAN);
        int[][] cases = {{1, 32, 32}, {28, 32, 32}, {32, 32, 32}, {33, 33, 64}, {56, 56, 64}};
        for (int[] c : cases) {
            assertEquals(c[1], stride.side(c[0]), "stride, n=" + c[0]);
            assertEquals(c[2], multiple.side(c[0]), "multiple, n=" + c[0]);
        }
        assertEquals(224, multiple.side(224));
        RgbImage out = multiple.apply(row3());
        assertEquals(32, out.widthPx());
        assertEquals(32, out.heightPx());
        assertThrows(
                IllegalArgumentException.class, () -> InputPadding.WHITE.apply(row3(), 2, 1, MEAN));
    }
}
