package org.lowmag.infer;

import java.util.List;

/**
 * The slide label from its tissues: the class with the highest area-weighted mean probability,
 *
 * <pre>
 *   P_k = sum_t A_t p_{t,k} / sum_t A_t        label = argmax_k P_k
 * </pre>
 *
 * with {@code A_t} tissue t's area (level-0 pixels of its mask) and {@code p_t} its softmax
 * probabilities; ties go to the lower class index.
 */
public final class SlideLabelRule {

    /** The rule in words, written into each slide's JSON. */
    public static final String DESCRIPTION =
            "area-weighted mean probability: P_k = sum_t A_t p_tk / sum_t A_t over the slide's"
                    + " tissues t (A_t: tissue area in level-0 pixels), label = argmax_k P_k";

    private SlideLabelRule() {}

    /**
     * The slide's result.
     *
     * @param label index of the winning class
     * @param probabilities {@code P_k} for every class
     */
    public record SlideLabel(int label, double[] probabilities) {}

    /**
     * @param probabilities each tissue's class probabilities
     * @param areas each tissue's area, positive
     * @return the slide label and its probabilities
     */
    public static SlideLabel aggregate(List<double[]> probabilities, double[] areas) {
        if (probabilities.isEmpty() || probabilities.size() != areas.length) {
            throw new IllegalArgumentException(
                    "need one area per tissue and at least one tissue, got "
                            + probabilities.size()
                            + " tissues and "
                            + areas.length
                            + " areas");
        }
        int k = probabilities.get(0).length;
        double[] p = new double[k];
        double total = 0;
        for (int t = 0; t < areas.length; t++) {
            if (!(areas[t] > 0) || probabilities.get(t).length != k) {
                throw new IllegalArgumentException(
                        "tissue "
                                + t
                                + ": area "
                                + areas[t]
                                + " must be positive, with "
                                + k
                                + " probabilities");
            }
            total += areas[t];
            for (int c = 0; c < k; c++) {
                p[c] += areas[t] * probabilities.get(t)[c];
            }
        }
        int best = 0;
        for (int c = 0; c < k; c++) {
            p[c] /= total;
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return new SlideLabel(best, p);
    }
}
