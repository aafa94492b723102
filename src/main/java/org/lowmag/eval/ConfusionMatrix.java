package org.lowmag.eval;

import java.util.Arrays;

/**
 * An immutable {@code k x k} confusion matrix {@code C[t][p]}: the number of items whose true class
 * is {@code t} and whose predicted class is {@code p}, for {@code k >= 2} classes numbered {@code
 * 0..k-1}.
 *
 * <p>One-vs-rest counts for class {@code c}, with {@code N = sum_{t,p} C[t][p]}:
 *
 * <pre>
 *   TP_c = C[c][c]
 *   FP_c = sum_t C[t][c] - TP_c        (predicted c, truly another class)
 *   FN_c = sum_p C[c][p] - TP_c        (truly c, predicted another class)
 *   TN_c = N - TP_c - FP_c - FN_c      (neither truly c nor predicted c)
 * </pre>
 */
public final class ConfusionMatrix {

    private final int[][] counts;
    private final long total;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
        long sum = 0;
        for (int[] row : counts) {
            for (int v : row) {
                sum += v;
            }
        }
        this.total = sum;
    }

    /**
     * Counts predictions against the truth.
     *
     * @param truth the true class of each item, in {@code 0..classes-1}
     * @param pred the predicted class of each item, same length as {@code truth}
     * @param classes the number of classes {@code k >= 2}
     * @return the confusion matrix
     * @throws IllegalArgumentException when the arrays are empty or of different lengths, or a
     *     label is out of range (the message names the index and the value)
     */
    public static ConfusionMatrix of(int[] truth, int[] pred, int classes) {
        Labels.check(truth, pred, classes);
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][pred[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /**
     * Wraps given counts (copied).
     *
     * @param counts a square {@code k x k} array, {@code k >= 2}, of non-negative counts with a
     *     positive total
     * @return the confusion matrix
     * @throws IllegalArgumentException when the array is not square, too small, has a negative
     *     count, or sums to zero
     */
    public static ConfusionMatrix ofCounts(int[][] counts) {
        Labels.checkClasses(counts.length);
        int[][] copy = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            if (counts[t].length != counts.length) {
                throw new IllegalArgumentException(
                        "confusion row "
                                + t
                                + " has "
                                + counts[t].length
                                + " entries, expected "
                                + counts.length);
            }
            for (int p = 0; p < counts.length; p++) {
                if (counts[t][p] < 0) {
                    throw new IllegalArgumentException(
                            "confusion count [" + t + "][" + p + "] = " + counts[t][p] + " < 0");
                }
            }
            copy[t] = counts[t].clone();
        }
        ConfusionMatrix m = new ConfusionMatrix(copy);
        if (m.total == 0) {
            throw new IllegalArgumentException("confusion matrix is empty: all counts are 0");
        }
        return m;
    }

    /**
     * @return the number of classes {@code k}
     */
    public int classes() {
        return counts.length;
    }

    /**
     * @return the number of items {@code N}
     */
    public long total() {
        return total;
    }

    /**
     * @param truth the true class
     * @param pred the predicted class
     * @return {@code C[truth][pred]}
     */
    public int count(int truth, int pred) {
        return counts[truth][pred];
    }

    /**
     * @param c a class
     * @return {@code TP_c = C[c][c]}
     */
    public long truePositives(int c) {
        return counts[c][c];
    }

    /**
     * @param c a class
     * @return {@code FP_c = sum_t C[t][c] - C[c][c]}
     */
    public long falsePositives(int c) {
        long sum = 0;
        for (int[] row : counts) {
            sum += row[c];
        }
        return sum - counts[c][c];
    }

    /**
     * @param c a class
     * @return {@code FN_c = sum_p C[c][p] - C[c][c]}
     */
    public long falseNegatives(int c) {
        return support(c) - counts[c][c];
    }

    /**
     * @param c a class
     * @return {@code TN_c = N - TP_c - FP_c - FN_c}
     */
    public long trueNegatives(int c) {
        return total - truePositives(c) - falsePositives(c) - falseNegatives(c);
    }

    /**
     * @param c a class
     * @return the number of items truly of class {@code c}, {@code sum_p C[c][p]}
     */
    public long support(int c) {
        long sum = 0;
        for (int v : counts[c]) {
            sum += v;
        }
        return sum;
    }

    /**
     * @param c a class
     * @return the number of items predicted as class {@code c}, {@code sum_t C[t][c] = TP_c + FP_c}
     */
    public long predicted(int c) {
        return truePositives(c) + falsePositives(c);
    }

    /**
     * @return the number of correct predictions, {@code sum_c C[c][c]}
     */
    public long correct() {
        long sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += counts[c][c];
        }
        return sum;
    }

    /**
     * @return a copy of the counts, {@code [truth][pred]}
     */
    public int[][] toArray() {
        int[][] copy = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }
}
