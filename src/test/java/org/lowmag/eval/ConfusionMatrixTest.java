package org.lowmag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void countsTruthByPrediction() {
        ConfusionMatrix m =
                ConfusionMatrix.of(new int[] {0, 0, 1, 2, 2}, new int[] {0, 1, 1, 0, 2}, 3);
        assertEquals(ConfusionMatrix.ofCounts(new int[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 1}}), m);
        assertEquals(5, m.total());
        assertEquals(3, m.correct());
        assertEquals(1, m.falsePositives(0));
        assertEquals(1, m.falseNegatives(0));
        assertEquals(2, m.trueNegatives(0));
        assertEquals(2, m.support(2));
        // column sums of {{1, 1, 0}, {0, 1, 0}, {1, 0, 1}}
        assertEquals(2, m.predicted(0));
        assertEquals(2, m.predicted(1));
        assertEquals(1, m.predicted(2));
    }

    @Test
    void rejectsMismatchedLengths() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1}, 2));
        assertTrue(e.getMessage().contains("truth has 3 labels but pred has 2"), e.getMessage());
    }

    @Test
    void rejectsLabelOutOfRange() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 7}, 3));
        assertTrue(e.getMessage().contains("pred[2] = 7"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[] {-1}, new int[] {0}, 2));
        assertTrue(e.getMessage().contains("truth[0] = -1"), e.getMessage());
    }

    @Test
    void rejectsEmptyAndTooFewClasses() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[0], new int[0], 2));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[] {0}, new int[] {0}, 1));
        assertTrue(e.getMessage().contains("got 1"), e.getMessage());
    }

    @Test
    void rejectsBadCounts() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfusionMatrix.ofCounts(new int[][] {{1, 0}, {0}}));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ConfusionMatrix.ofCounts(new int[][] {{1, -2}, {0, 1}}));
        assertTrue(e.getMessage().contains("[0][1] = -2"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfusionMatrix.ofCounts(new int[][] {{0, 0}, {0, 0}}));
    }

    @Test
    void isImmutable() {
        int[][] counts = {{1, 2}, {3, 4}};
        ConfusionMatrix m = ConfusionMatrix.ofCounts(counts);
        counts[0][0] = 99;
        m.toArray()[0][0] = 99;
        assertEquals(1, m.count(0, 0));
    }
}
