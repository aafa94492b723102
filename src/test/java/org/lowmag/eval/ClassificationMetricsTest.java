package org.lowmag.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden values derived by hand from small confusion matrices ({@code C[truth][pred]}). One-vs-rest
 * counts per class {@code c}: {@code TP = C[c][c]}, {@code FP = column sum - TP}, {@code FN = row
 * sum - TP}, {@code TN = N - TP - FP - FN}.
 */
class ClassificationMetricsTest {

    private static final double EPS = 1e-15;

    /**
     * Expands a confusion matrix into label arrays (row-major order), so each test also exercises
     * {@link ConfusionMatrix#of}.
     */
    static int[][] labels(int[][] c) {
        List<int[]> pairs = new ArrayList<>();
        for (int t = 0; t < c.length; t++) {
            for (int p = 0; p < c.length; p++) {
                for (int i = 0; i < c[t][p]; i++) {
                    pairs.add(new int[] {t, p});
                }
            }
        }
        int[] truth = pairs.stream().mapToInt(x -> x[0]).toArray();
        int[] pred = pairs.stream().mapToInt(x -> x[1]).toArray();
        return new int[][] {truth, pred};
    }

    private static ClassificationMetrics metrics(int[][] c) {
        int[][] tp = labels(c);
        ConfusionMatrix m = ConfusionMatrix.of(tp[0], tp[1], c.length);
        assertArrayEquals(c, m.toArray());
        return ClassificationMetrics.of(m);
    }

    private static void assertClass(
            ClassMetrics m,
            long tp,
            long fp,
            long fn,
            long tn,
            double precision,
            double recall,
            double f1,
            double accuracy) {
        assertEquals(
                List.of(tp, fp, fn, tn),
                List.of(
                        m.truePositives(),
                        m.falsePositives(),
                        m.falseNegatives(),
                        m.trueNegatives()));
        assertEquals(precision, m.precision(), EPS, "precision");
        assertEquals(recall, m.recall(), EPS, "recall");
        assertEquals(f1, m.f1(), EPS, "f1");
        assertEquals(accuracy, m.accuracy(), EPS, "accuracy");
    }

    /**
     * C = [[6,2],[1,3]], N = 12.
     *
     * <pre>
     * class 0: TP 6, FP 1, FN 2, TN 3: P 6/7, R 6/8 = 3/4, F1 12/15 = 4/5, A 9/12 = 3/4
     * class 1: TP 3, FP 2, FN 1, TN 6: P 3/5, R 3/4, F1 6/9 = 2/3, A 9/12 = 3/4
     * macro P (6/7 + 3/5)/2 = 51/70, R 3/4, F1 (4/5 + 2/3)/2 = 11/15,
     * accuracy (3/4 + 3/4)/2 = 3/4 = exact accuracy 9/12 (always equal for two classes)
     * </pre>
     */
    @Test
    void twoClasses() {
        ClassificationMetrics m = metrics(new int[][] {{6, 2}, {1, 3}});
        assertClass(m.perClass().get(0), 6, 1, 2, 3, 6.0 / 7, 3.0 / 4, 4.0 / 5, 3.0 / 4);
        assertClass(m.perClass().get(1), 3, 2, 1, 6, 3.0 / 5, 3.0 / 4, 2.0 / 3, 3.0 / 4);
        assertEquals(12, m.total());
        assertEquals(51.0 / 70, m.precision(), EPS);
        assertEquals(3.0 / 4, m.recall(), EPS);
        assertEquals(11.0 / 15, m.f1(), EPS);
        assertEquals(3.0 / 4, m.accuracy(), EPS);
        assertEquals(3.0 / 4, m.exactAccuracy(), EPS);
    }

    /**
     * C = [[5,1,0],[2,3,1],[0,0,4]], N = 16.
     *
     * <pre>
     * class 0: TP 5, FP 2, FN 1, TN 8:  P 5/7, R 5/6, F1 10/13, A 13/16
     * class 1: TP 3, FP 1, FN 3, TN 9:  P 3/4, R 1/2, F1 6/10 = 3/5, A 12/16
     * class 2: TP 4, FP 1, FN 0, TN 11: P 4/5, R 1,   F1 8/9, A 15/16
     * macro P (5/7 + 3/4 + 4/5)/3 = (100 + 105 + 112)/140/3 = 317/420
     * macro R (5/6 + 3/6 + 6/6)/3 = 7/9
     * macro F1 (10/13 + 3/5 + 8/9)/3 = (450 + 351 + 520)/585/3 = 1321/1755
     * accuracy (13 + 12 + 15)/16/3 = 5/6; exact 12/16 = 3/4; check 1 - 2(1 - 3/4)/3 = 5/6
     * </pre>
     */
    @Test
    void threeClasses() {
        ClassificationMetrics m = metrics(new int[][] {{5, 1, 0}, {2, 3, 1}, {0, 0, 4}});
        assertClass(m.perClass().get(0), 5, 2, 1, 8, 5.0 / 7, 5.0 / 6, 10.0 / 13, 13.0 / 16);
        assertClass(m.perClass().get(1), 3, 1, 3, 9, 3.0 / 4, 1.0 / 2, 3.0 / 5, 12.0 / 16);
        assertClass(m.perClass().get(2), 4, 1, 0, 11, 4.0 / 5, 1.0, 8.0 / 9, 15.0 / 16);
        assertEquals(317.0 / 420, m.precision(), EPS);
        assertEquals(7.0 / 9, m.recall(), EPS);
        assertEquals(1321.0 / 1755, m.f1(), EPS);
        assertEquals(5.0 / 6, m.accuracy(), EPS);
        assertEquals(3.0 / 4, m.exactAccuracy(), EPS);
    }

    /**
     * Five classes; class 3 never occurs in the truth (but is predicted once) and class 4 is never
     * predicted, so both hit the zero-division convention (0/0 counts as 0). N = 15.
     *
     * <pre>
     * C = [[4,1,0,0,0],      class 0: TP 4, FP 1, FN 1, TN 9:  P 4/5, R 4/5, F1 8/10, A 13/15
     *      [0,3,1,0,0],      class 1: TP 3, FP 2, FN 1, TN 9:  P 3/5, R 3/4, F1 6/9,  A 12/15
     *      [1,0,2,1,0],      class 2: TP 2, FP 2, FN 2, TN 9:  P 1/2, R 1/2, F1 4/8,  A 11/15
     *      [0,0,0,0,0],      class 3: TP 0, FP 1, FN 0, TN 14: P 0/1, R 0/0 = 0, F1 0, A 14/15
     *      [0,1,1,0,0]]      class 4: TP 0, FP 0, FN 2, TN 13: P 0/0 = 0, R 0/2, F1 0, A 13/15
     * macro P (4/5 + 3/5 + 1/2)/5 = 19/50;  macro R (4/5 + 3/4 + 1/2)/5 = 41/100
     * macro F1 (4/5 + 2/3 + 1/2)/5 = 59/150
     * accuracy (13 + 12 + 11 + 14 + 13)/15/5 = 21/25; exact 9/15 = 3/5; 1 - 2(2/5)/5 = 21/25
     * </pre>
     */
    @Test
    void fiveClassesWithZeroDivision() {
        int[][] c = {
            {4, 1, 0, 0, 0}, {0, 3, 1, 0, 0}, {1, 0, 2, 1, 0}, {0, 0, 0, 0, 0}, {0, 1, 1, 0, 0}
        };
        ClassificationMetrics m = metrics(c);
        assertClass(m.perClass().get(0), 4, 1, 1, 9, 4.0 / 5, 4.0 / 5, 4.0 / 5, 13.0 / 15);
        assertClass(m.perClass().get(1), 3, 2, 1, 9, 3.0 / 5, 3.0 / 4, 2.0 / 3, 12.0 / 15);
        assertClass(m.perClass().get(2), 2, 2, 2, 9, 1.0 / 2, 1.0 / 2, 1.0 / 2, 11.0 / 15);
        assertClass(m.perClass().get(3), 0, 1, 0, 14, 0, 0, 0, 14.0 / 15);
        assertClass(m.perClass().get(4), 0, 0, 2, 13, 0, 0, 0, 13.0 / 15);
        assertEquals(0, m.perClass().get(3).support());
        assertEquals(2, m.perClass().get(4).support());
        assertEquals(19.0 / 50, m.precision(), EPS);
        assertEquals(41.0 / 100, m.recall(), EPS);
        assertEquals(59.0 / 150, m.f1(), EPS);
        assertEquals(21.0 / 25, m.accuracy(), EPS);
        assertEquals(3.0 / 5, m.exactAccuracy(), EPS);
    }

    /** Macro one-vs-rest accuracy = 1 - 2 (1 - exact) / k for any matrix. */
    @Test
    void macroAccuracyIdentity() {
        int[][] c = {{7, 0, 3, 1}, {2, 9, 0, 0}, {1, 1, 5, 2}, {0, 4, 0, 6}};
        ClassificationMetrics m = ClassificationMetrics.of(ConfusionMatrix.ofCounts(c));
        assertEquals(1 - 2 * (1 - m.exactAccuracy()) / 4, m.accuracy(), 1e-15);
        assertEquals(27.0 / 41, m.exactAccuracy(), EPS);
    }

    @Test
    void perfectPredictionsGiveOnes() {
        ClassificationMetrics m =
                ClassificationMetrics.of(new int[] {0, 1, 2, 2}, new int[] {0, 1, 2, 2}, 3);
        assertEquals(
                List.of(1.0, 1.0, 1.0, 1.0, 1.0),
                List.of(m.accuracy(), m.exactAccuracy(), m.precision(), m.recall(), m.f1()));
    }
}
