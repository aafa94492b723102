package org.lowmag.dataset;

/**
 * The four colour-jitter operations of torchvision's {@code ColorJitter}, in torchvision's index
 * order (0 brightness, 1 contrast, 2 saturation, 3 hue); {@link AugmentParams#jitterOrder()} holds
 * a random permutation of them, as {@code ColorJitter.get_params} draws {@code torch.randperm(4)}.
 */
public enum ColorOp {
    /** {@code x * f}, clamped to [0, 1]. */
    BRIGHTNESS,
    /** {@code f * x + (1 - f) * mean(grey)}, clamped to [0, 1]. */
    CONTRAST,
    /** {@code f * x + (1 - f) * grey(pixel)}, clamped to [0, 1]. */
    SATURATION,
    /** HSV hue rotation {@code h = (h + f) mod 1}. */
    HUE
}
