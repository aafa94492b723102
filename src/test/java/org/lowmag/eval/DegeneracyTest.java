package org.lowmag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Degenerate predictions read off the column sums of hand-made confusion matrices. */
class DegeneracyTest {

    static final List<String> CLASSES = List.of("normal", "dysplasia", "carcinoma");

    /**
     * The demo's tie winner: {@code [[8,1,0],[0,10,0],[0,4,0]]}. Column sums (predictions per
     * class) 8, 15, 0: carcinoma is never predicted, although its macro accuracy is {@code 1 - 2 (1
     * - 18/23) / 3 = 0.855}.
     */
    @Test
    void aClassNeverPredictedIsDegenerate() {
        Degeneracy d =
                Degeneracy.of(
                        ConfusionMatrix.ofCounts(new int[][] {{8, 1, 0}, {0, 10, 0}, {0, 4, 0}}));
        assertTrue(d.degenerate());
        assertEquals(List.of(2), d.neverPredicted());
        assertEquals(-1, d.predictedForAll());
        assertEquals("never predicts carcinoma", d.describe(CLASSES));
    }

    /** Column sums 0, 6, 0: one class for every tissue, so the other two are never predicted. */
    @Test
    void oneClassForEveryTissueIsDegenerate() {
        Degeneracy d =
                Degeneracy.of(
                        ConfusionMatrix.ofCounts(new int[][] {{0, 2, 0}, {0, 2, 0}, {0, 2, 0}}));
        assertEquals(List.of(0, 2), d.neverPredicted());
        assertEquals(1, d.predictedForAll());
        assertEquals("predicts dysplasia for every tissue", d.describe(CLASSES));
    }

    /**
     * Column sums 4, 2, 0, 0 and row sums 2, 2, 1, 1 of four classes: c and d occur and are never
     * predicted, listed with "or".
     */
    @Test
    void severalClassesNeverPredictedAreListed() {
        Degeneracy d =
                Degeneracy.of(
                        ConfusionMatrix.ofCounts(
                                new int[][] {
                                    {2, 0, 0, 0}, {0, 2, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}
                                }));
        assertEquals("never predicts c or d", d.describe(List.of("a", "b", "c", "d")));
    }

    /**
     * The quick demo's test split (classes carcinoma, dysplasia, normal) has no carcinoma: row and
     * column sums 0 for it. Not predicting a class that is not there says nothing; predicting
     * normal for all 4 tissues while dysplasia occurs does.
     */
    @Test
    void aClassAbsentFromTheTruthIsNotHeldAgainstTheModel() {
        assertFalse(
                Degeneracy.of(
                                ConfusionMatrix.ofCounts(
                                        new int[][] {{0, 0, 0}, {0, 2, 0}, {0, 1, 1}}))
                        .degenerate());
        Degeneracy all =
                Degeneracy.of(
                        ConfusionMatrix.ofCounts(new int[][] {{0, 0, 0}, {0, 0, 2}, {0, 0, 2}}));
        assertEquals(List.of(1), all.neverPredicted());
        assertEquals(
                "predicts normal for every tissue",
                all.describe(List.of("carcinoma", "dysplasia", "normal")));
        assertFalse(
                Degeneracy.of(
                                ConfusionMatrix.ofCounts(
                                        new int[][] {{0, 0, 0}, {0, 0, 0}, {0, 0, 3}}))
                        .degenerate(),
                "a truth of one class, all predicted right");
    }

    /** Column sums 1, 1, 1: every class predicted at least once, none for all. */
    @Test
    void mistakesAloneAreNotDegenerate() {
        Degeneracy d =
                Degeneracy.of(
                        ConfusionMatrix.ofCounts(new int[][] {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}}));
        assertFalse(d.degenerate());
        assertEquals("", d.describe(CLASSES));
    }
}
