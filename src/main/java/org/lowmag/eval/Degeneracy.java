package org.lowmag.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a classifier's predictions on a test set are degenerate, read from its confusion matrix
 * {@code C[t][p]} (rows: truth) over {@code N} items. With the column sums {@code P_c = sum_t
 * C[t][c]} (how often class {@code c} is predicted):
 *
 * <pre>
 *   never predicted:      P_c = 0      for some class c
 *   predicted for all:    P_c = N      for some class c (every other class is then never predicted)
 * </pre>
 *
 * Such a model can still score a high macro accuracy (a 3-class model that never predicts the
 * smallest class scores 1 - 2 (1 - exact accuracy) / 3), so the report flags it. {@code P_c = 0} is
 * flagged whether or not class {@code c} occurs in the truth.
 *
 * @param neverPredicted the classes with {@code P_c = 0}, ascending
 * @param predictedForAll the class with {@code P_c = N}, or -1 when there is none
 */
public record Degeneracy(List<Integer> neverPredicted, int predictedForAll) {

    /** Copies. */
    public Degeneracy {
        neverPredicted = List.copyOf(neverPredicted);
    }

    /**
     * @param m a confusion matrix
     * @return its degeneracy
     */
    public static Degeneracy of(ConfusionMatrix m) {
        List<Integer> never = new ArrayList<>();
        int all = -1;
        for (int c = 0; c < m.classes(); c++) {
            long predicted = m.truePositives(c) + m.falsePositives(c);
            if (predicted == 0) {
                never.add(c);
            } else if (predicted == m.total()) {
                all = c;
            }
        }
        return new Degeneracy(never, all);
    }

    /**
     * @return whether some class is never predicted (which includes one predicted for all)
     */
    public boolean degenerate() {
        return !neverPredicted.isEmpty();
    }

    /**
     * @param classNames the class names, index = class
     * @return e.g. {@code "predicts normal for every tissue"}, {@code "never predicts carcinoma"},
     *     {@code "never predicts dysplasia or carcinoma"}; empty when not degenerate
     */
    public String describe(List<String> classNames) {
        if (predictedForAll >= 0) {
            return "predicts " + classNames.get(predictedForAll) + " for every tissue";
        }
        if (neverPredicted.isEmpty()) {
            return "";
        }
        List<String> names = neverPredicted.stream().map(classNames::get).toList();
        String list =
                names.size() == 1
                        ? names.get(0)
                        : String.join(", ", names.subList(0, names.size() - 1))
                                + " or "
                                + names.get(names.size() - 1);
        return "never predicts " + list;
    }
}
