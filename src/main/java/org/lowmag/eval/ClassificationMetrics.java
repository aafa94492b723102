package org.lowmag.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Classification metrics as the paper reports them (section 4.4): accuracy, precision, recall and
 * F1 computed one-vs-rest for each class (see {@link ClassMetrics}) and macro-averaged over all
 * {@code k} classes, plus the plain fraction of correct predictions.
 *
 * <pre>
 *   accuracy      = (1/k) sum_c (TP_c + TN_c) / N       macro one-vs-rest accuracy
 *   exactAccuracy = (sum_c TP_c) / N                    fraction of items predicted correctly
 *   precision     = (1/k) sum_c precision_c
 *   recall        = (1/k) sum_c recall_c
 *   f1            = (1/k) sum_c f1_c                    (mean of per-class F1, as scikit-learn's
 *                                                       f1_score(average="macro"); not the F1 of
 *                                                       the macro precision and recall)
 * </pre>
 *
 * <p><b>Which accuracy the paper reports.</b> The paper computes every metric "in a one-vs.-rest
 * fashion for each class" and macro-averages, so its "Accuracy" is {@link #accuracy()}. Because
 * each wrong prediction is one FP (for the predicted class) and one FN (for the true class), {@code
 * sum_c (FP_c + FN_c) = 2 (N - correct)} and hence {@code accuracy = 1 - 2 (1 - exactAccuracy) /
 * k}: for {@code k = 2} both agree, for more classes {@code accuracy} is higher. That is consistent
 * with the paper's tables (e.g. accuracy 87% beside macro F1 75%). LowMag computes {@code TN_c = N
 * - TP_c - FP_c - FN_c} (the authors' script computed true negatives wrongly).
 *
 * <p><b>Zero division.</b> A ratio whose denominator is 0 counts as 0 (scikit-learn's {@code
 * zero_division=0}): a class never predicted has precision 0; a class absent from the truth has
 * recall 0. The macro averages always divide by all {@code k} classes, so such a class pulls them
 * down (this matters mainly for bootstrap resamples of very rare classes).
 *
 * @param perClass one entry per class, in class order
 * @param total the number of items {@code N}
 * @param accuracy macro one-vs-rest accuracy (what the paper calls accuracy)
 * @param exactAccuracy fraction of correct predictions
 * @param precision macro precision
 * @param recall macro recall
 * @param f1 macro F1
 */
public record ClassificationMetrics(
        List<ClassMetrics> perClass,
        long total,
        double accuracy,
        double exactAccuracy,
        double precision,
        double recall,
        double f1) {

    /** Copies the per-class list and checks the values. */
    public ClassificationMetrics {
        perClass = List.copyOf(perClass);
        Labels.checkClasses(perClass.size());
        if (total <= 0) {
            throw new IllegalArgumentException("total = " + total + " must be positive");
        }
        ClassMetrics.checkRate("accuracy", accuracy);
        ClassMetrics.checkRate("exactAccuracy", exactAccuracy);
        ClassMetrics.checkRate("precision", precision);
        ClassMetrics.checkRate("recall", recall);
        ClassMetrics.checkRate("f1", f1);
    }

    /**
     * Computes the metrics of a confusion matrix.
     *
     * @param confusion the counts
     * @return the metrics
     */
    public static ClassificationMetrics of(ConfusionMatrix confusion) {
        int k = confusion.classes();
        double[] v = MetricVector.of(confusion);
        List<ClassMetrics> perClass = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            perClass.add(
                    new ClassMetrics(
                            confusion.truePositives(c),
                            confusion.falsePositives(c),
                            confusion.falseNegatives(c),
                            confusion.trueNegatives(c),
                            v[MetricVector.classIndex(c, MetricVector.CLASS_PRECISION)],
                            v[MetricVector.classIndex(c, MetricVector.CLASS_RECALL)],
                            v[MetricVector.classIndex(c, MetricVector.CLASS_F1)],
                            v[MetricVector.classIndex(c, MetricVector.CLASS_ACCURACY)]));
        }
        return new ClassificationMetrics(
                perClass,
                confusion.total(),
                v[MetricVector.ACCURACY],
                v[MetricVector.EXACT_ACCURACY],
                v[MetricVector.PRECISION],
                v[MetricVector.RECALL],
                v[MetricVector.F1]);
    }

    /**
     * Computes the metrics of predictions against the truth.
     *
     * @param truth true class per item
     * @param pred predicted class per item
     * @param classes the number of classes
     * @return the metrics
     * @throws IllegalArgumentException on bad input (see {@link ConfusionMatrix#of})
     */
    public static ClassificationMetrics of(int[] truth, int[] pred, int classes) {
        return of(ConfusionMatrix.of(truth, pred, classes));
    }

    /**
     * @return the number of classes {@code k}
     */
    public int classes() {
        return perClass.size();
    }
}
