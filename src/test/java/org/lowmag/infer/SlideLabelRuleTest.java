package org.lowmag.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The area-weighted slide rule, golden values by hand. */
class SlideLabelRuleTest {

    /**
     * Tissue 1: p = (0.9, 0.1), area 1; tissue 2: p = (0.2, 0.8), area 3. P = ((0.9 + 0.6) / 4,
     * (0.1 + 2.4) / 4) = (0.375, 0.625): class 1, although the unweighted mean (0.55, 0.45) would
     * say class 0.
     */
    @Test
    void weightsByArea() {
        SlideLabelRule.SlideLabel l =
                SlideLabelRule.aggregate(
                        List.of(new double[] {0.9, 0.1}, new double[] {0.2, 0.8}),
                        new double[] {1, 3});
        assertEquals(1, l.label());
        assertArrayEquals(new double[] {0.375, 0.625}, l.probabilities(), 1e-12);
    }

    @Test
    void tiesGoToTheLowerClassAndBadInputIsRefused() {
        SlideLabelRule.SlideLabel l =
                SlideLabelRule.aggregate(
                        List.of(new double[] {0.25, 0.5, 0.25}, new double[] {0.75, 0.0, 0.25}),
                        new double[] {2, 2});
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, l.probabilities(), 1e-12);
        assertEquals(0, l.label());
        assertEquals(
                0,
                SlideLabelRule.aggregate(List.of(new double[] {0.4, 0.4, 0.2}), new double[] {7})
                        .label());
        assertEquals(
                1,
                SlideLabelRule.aggregate(List.of(new double[] {0.2, 0.4, 0.4}), new double[] {7})
                        .label());
        assertThrows(
                IllegalArgumentException.class,
                () -> SlideLabelRule.aggregate(List.of(), new double[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> SlideLabelRule.aggregate(List.of(new double[] {1, 0}), new double[] {0}));
    }
}
