package org.lowmag.distill;

import java.util.Objects;

/**
 * Configuration of the distillation loss.
 *
 * @param temperature the softmax temperature {@code T} of the soft loss, finite and above 0
 * @param resize the resizers {@code G} of the pixel loss ({@code maxpool+bicubic} in the paper)
 * @param pixelNorm the distance of the pixel loss ({@code l2} in the paper)
 */
public record DistillConfig(double temperature, ResizeMode resize, PixelNorm pixelNorm) {

    /** Validates the values. */
    public DistillConfig {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException(
                    "temperature must be finite and > 0, got " + temperature);
        }
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(pixelNorm, "pixelNorm");
    }

    /**
     * The paper's loss at a given temperature: both resizers, squared error.
     *
     * @param temperature the softmax temperature, above 0
     * @return the configuration
     */
    public static DistillConfig paper(double temperature) {
        return new DistillConfig(temperature, ResizeMode.MAXPOOL_BICUBIC, PixelNorm.L2);
    }
}
