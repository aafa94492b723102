package org.lowmag.eval;

/**
 * The one place where metrics are computed from counts, writing them into a flat {@code double[]}
 * so that the bootstrap can recompute them per round without allocating. {@link
 * ClassificationMetrics#of(ConfusionMatrix)} reads the same vector, so point estimates and
 * resampled values always follow the same formulas (documented on {@link ClassificationMetrics}).
 *
 * <p>Layout for {@code k} classes, length {@code 5 + 5k}: {@code [accuracy, exactAccuracy,
 * precision, recall, f1]} (macro over classes), then per class {@code c} at {@code 5 + 5c}: {@code
 * [precision, recall, f1, accuracy, support]}.
 */
final class MetricVector {

    static final int ACCURACY = 0;
    static final int EXACT_ACCURACY = 1;
    static final int PRECISION = 2;
    static final int RECALL = 3;
    static final int F1 = 4;
    static final int GLOBAL = 5;

    static final int CLASS_PRECISION = 0;
    static final int CLASS_RECALL = 1;
    static final int CLASS_F1 = 2;
    static final int CLASS_ACCURACY = 3;
    static final int CLASS_SUPPORT = 4;
    static final int PER_CLASS = 5;

    private MetricVector() {}

    /**
     * @param classes the number of classes {@code k}
     * @return the vector length {@code 5 + 5k}
     */
    static int length(int classes) {
        return GLOBAL + PER_CLASS * classes;
    }

    /**
     * @param c a class
     * @param field one of the {@code CLASS_*} offsets
     * @return the index of that per-class metric
     */
    static int classIndex(int c, int field) {
        return GLOBAL + PER_CLASS * c + field;
    }

    /**
     * Computes all metrics of a confusion matrix.
     *
     * @param confusion the counts
     * @return the metric vector
     */
    static double[] of(ConfusionMatrix confusion) {
        int k = confusion.classes();
        int[] flat = new int[k * k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                flat[t * k + p] = confusion.count(t, p);
            }
        }
        double[] v = new double[length(k)];
        compute(flat, k, v);
        return v;
    }

    /**
     * Computes all metrics from a flattened confusion matrix.
     *
     * @param counts {@code C[t][p]} at {@code t * k + p}, summing to a positive total
     * @param k the number of classes
     * @param out receives the metrics, length at least {@link #length(int)}
     */
    static void compute(int[] counts, int k, double[] out) {
        long total = 0;
        long correct = 0;
        double sumP = 0;
        double sumR = 0;
        double sumF1 = 0;
        double sumA = 0;
        for (int i = 0; i < k * k; i++) {
            total += counts[i];
        }
        for (int c = 0; c < k; c++) {
            long tp = counts[c * k + c];
            long predicted = 0;
            long support = 0;
            for (int j = 0; j < k; j++) {
                predicted += counts[j * k + c];
                support += counts[c * k + j];
            }
            long fp = predicted - tp;
            long fn = support - tp;
            long tn = total - tp - fp - fn;
            double p = ratio(tp, tp + fp);
            double r = ratio(tp, tp + fn);
            double f1 = ratio(2 * tp, 2 * tp + fp + fn);
            double a = (double) (tp + tn) / total;
            int base = GLOBAL + PER_CLASS * c;
            out[base + CLASS_PRECISION] = p;
            out[base + CLASS_RECALL] = r;
            out[base + CLASS_F1] = f1;
            out[base + CLASS_ACCURACY] = a;
            out[base + CLASS_SUPPORT] = support;
            correct += tp;
            sumP += p;
            sumR += r;
            sumF1 += f1;
            sumA += a;
        }
        out[ACCURACY] = sumA / k;
        out[EXACT_ACCURACY] = (double) correct / total;
        out[PRECISION] = sumP / k;
        out[RECALL] = sumR / k;
        out[F1] = sumF1 / k;
    }

    /** {@code num / den}, or 0 when {@code den == 0} (scikit-learn's {@code zero_division=0}). */
    private static double ratio(long num, long den) {
        return den == 0 ? 0.0 : (double) num / den;
    }
}
