package org.lowmag.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a classifier's predictions on a test set are degenerate, read from its confusion matrix
 * {@code C[t][p]} (rows: truth) over {@code N} items. With the column sums {@code P_c = sum_t
 * C[t][c]} (how often class {@code c} is predicted) and the row sums {@code S_c = sum_p C[c][p]}
 * (its support):
 *
 * <pre>
 *   never predicted:      P_c = 0 although S_c &gt; 0
 *   predicted for all:    P_c = N although S_d &gt; 0 for some other class d
 * </pre>
 *
 * Such a model can still score a high macro accuracy (a 3-class model that never predicts a class
 * scores {@code 1 - 2 (1 - exact accuracy) / 3}), so the report flags it. A class absent from the
 * test truth says nothing about the model when it is not predicted, so it is not flagged.
 *
 * @param neverPredicted the classes with {@code P_c = 0} and {@code S_c > 0}, ascending
 * @param predictedForAll the class with {@code P_c = N} while another class has support, or -1
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
            long predicted = m.predicted(c);
            if (predicted == 0 && m.support(c) > 0) {
                never.add(c);
            } else if (predicted == m.total() && m.support(c) < m.total()) {
                all = c;
            }
        }
        return new Degeneracy(never, all);
    }

    /**
     * @return whether a class of the truth is never predicted or one class is predicted for all
     */
    public boolean degenerate() {
        return !neverPredicted.isEmpty() || predictedForAll >= 0;
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
