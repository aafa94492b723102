package org.lowmag.distill;

import ai.djl.ndarray.NDArray;

/**
 * The soft loss, equation 2 of the paper: the temperature-softened KL divergence from the teacher's
 * class distribution to the student's, scaled by {@code T^2} (Hinton et al.) and averaged over the
 * batch.
 *
 * <pre>
 * log p_t = log_softmax(t / T),  log p_s = log_softmax(s / T)      (over classes, axis 1)
 * soft    = T^2 / N * sum_{n, k} p_t[n, k] * (log p_t[n, k] - log p_s[n, k])
 * </pre>
 *
 * This equals PyTorch's {@code F.kl_div(F.log_softmax(s / T, 1), F.softmax(t / T, 1),
 * reduction="batchmean") * T * T}. Logs come from {@code logSoftmax}, never from the log of a
 * softmax, so large logits do not overflow. The teacher logits are detached: no gradient reaches
 * the teacher. The gradient with respect to the student logits is {@code T / N * (p_s - p_t)}.
 *
 * <p>Every intermediate and the result attach to the student logits' NDManager (the per-batch one),
 * even when the teacher logits live in a longer-lived manager.
 */
public final class SoftLoss {

    private final double temperature;

    /**
     * @param temperature the softmax temperature {@code T}, finite and above 0
     * @throws IllegalArgumentException for any other temperature
     */
    public SoftLoss(double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException(
                    "temperature must be finite and > 0, got " + temperature);
        }
        this.temperature = temperature;
    }

    /**
     * Computes the soft loss.
     *
     * @param teacherLogits the teacher's logits {@code [N, K]} (treated as constants)
     * @param studentLogits the student's logits {@code [N, K]}
     * @return a scalar NDArray in the student's manager and data type
     * @throws IllegalArgumentException when the shapes disagree (names both)
     */
    public NDArray compute(NDArray teacherLogits, NDArray studentLogits) {
        ShapeChecks.checkLogits(teacherLogits, studentLogits);
        long batch = studentLogits.getShape().get(0);
        NDArray logPs = studentLogits.div(temperature).logSoftmax(1);
        NDArray teacher = teacherLogits.stopGradient();
        teacher.attach(studentLogits.getManager());
        NDArray logPt = teacher.div(temperature).logSoftmax(1);
        NDArray pt = logPt.exp();
        NDArray sum = pt.mul(logPt.sub(logPs)).sum();
        // A 0-d sum times a Java double would promote float32 to float64: scale in sum's type.
        double factor = temperature * temperature / batch;
        return sum.mul(sum.getManager().create(factor).toType(sum.getDataType(), false));
    }

    /**
     * @return the temperature {@code T}
     */
    public double temperature() {
        return temperature;
    }
}
