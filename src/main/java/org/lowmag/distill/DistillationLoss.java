package org.lowmag.distill;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * The total distillation loss, equation 1 of the paper: {@code total = soft + pixel}, with {@link
 * SoftLoss} (equation 2) and {@link PixelLoss} (equation 3). The teacher's logits and feature map
 * are constants; gradients flow to the student's logits and feature map.
 *
 * <p>All intermediates and results attach to the student arrays' NDManager: compute each batch
 * inside its own sub-manager. With {@link ResizeMode#NONE} the pixel term is a constant 0 and the
 * student map receives no gradient from this loss.
 */
public final class DistillationLoss {

    private final DistillConfig config;
    private final SoftLoss soft;
    private final PixelLoss pixel;

    /**
     * @param config temperature, resizers and pixel distance
     */
    public DistillationLoss(DistillConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.soft = new SoftLoss(config.temperature());
        this.pixel = new PixelLoss(config.resize(), config.pixelNorm());
    }

    /**
     * Computes the loss.
     *
     * @param teacherLogits teacher logits {@code [N, K]}
     * @param teacherMap teacher final feature map {@code [N, C, Ht, Wt]}
     * @param studentLogits student logits {@code [N, K]}
     * @param studentMap student final feature map {@code [N, C, Hs, Ws]}
     * @return total, soft and pixel terms
     * @throws IllegalArgumentException when class counts, channels or batch sizes disagree; the
     *     message names both shapes
     */
    public LossParts compute(
            NDArray teacherLogits, NDArray teacherMap, NDArray studentLogits, NDArray studentMap) {
        ShapeChecks.checkLogits(teacherLogits, studentLogits);
        ShapeChecks.checkMaps(teacherMap, studentMap);
        ShapeChecks.checkSameBatch(studentLogits, studentMap);
        NDArray softTerm = soft.compute(teacherLogits, studentLogits);
        NDArray pixelTerm = pixel.compute(teacherMap, studentMap);
        return new LossParts(softTerm.add(pixelTerm), softTerm, pixelTerm);
    }

    /**
     * @return the configuration
     */
    public DistillConfig config() {
        return config;
    }
}
