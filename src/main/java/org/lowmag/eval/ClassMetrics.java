package org.lowmag.eval;

/**
 * One-vs-rest metrics of one class {@code c}: the class is "positive", every other class
 * "negative".
 *
 * <pre>
 *   precision_c = TP / (TP + FP)          (0 when TP + FP = 0: class never predicted)
 *   recall_c    = TP / (TP + FN)          (0 when TP + FN = 0: class absent from the truth)
 *   f1_c        = 2 P R / (P + R)         (0 when P + R = 0)
 *               = 2 TP / (2 TP + FP + FN) (the form computed: equal, and exactly in [0, 1])
 *   accuracy_c  = (TP + TN) / N,  TN = N - TP - FP - FN
 *   support_c   = TP + FN                 (items truly of class c)
 * </pre>
 *
 * @param truePositives {@code TP}
 * @param falsePositives {@code FP}
 * @param falseNegatives {@code FN}
 * @param trueNegatives {@code TN}
 * @param precision {@code TP / (TP + FP)}, in [0, 1]
 * @param recall {@code TP / (TP + FN)}, in [0, 1]
 * @param f1 the harmonic mean of precision and recall, in [0, 1]
 * @param accuracy the one-vs-rest accuracy {@code (TP + TN) / N}, in [0, 1]
 */
public record ClassMetrics(
        long truePositives,
        long falsePositives,
        long falseNegatives,
        long trueNegatives,
        double precision,
        double recall,
        double f1,
        double accuracy) {

    /** Checks that counts are non-negative and rates lie in [0, 1]. */
    public ClassMetrics {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException(
                    "negative one-vs-rest count: TP="
                            + truePositives
                            + " FP="
                            + falsePositives
                            + " FN="
                            + falseNegatives
                            + " TN="
                            + trueNegatives);
        }
        checkRate("precision", precision);
        checkRate("recall", recall);
        checkRate("f1", f1);
        checkRate("accuracy", accuracy);
    }

    /**
     * @return the number of items truly of this class, {@code TP + FN}
     */
    public long support() {
        return truePositives + falseNegatives;
    }

    static void checkRate(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " = " + v + " is not in [0, 1]");
        }
    }
}
