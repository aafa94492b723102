package org.lowmag.model;

import java.util.List;
import org.lowmag.dataset.ChannelStats;

/**
 * Per-channel standardisation of RGB inputs, computed once from the training split and saved with
 * the model: {@code x' = (x / 255 - mean_c) / std_c} for channel {@code c} in R, G, B.
 *
 * @param mean per-channel mean of {@code x / 255} (R, G, B)
 * @param std per-channel standard deviation of {@code x / 255} (R, G, B), each positive
 */
public record Normalization(List<Double> mean, List<Double> std) {

    /** No standardisation beyond scaling to [0, 1]: mean 0, std 1. */
    public static final Normalization IDENTITY =
            new Normalization(List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0));

    /**
     * Standardisation from measured channel statistics.
     *
     * @param stats per-channel mean and standard deviation of {@code x / 255}
     * @return the normalisation
     */
    public static Normalization of(ChannelStats stats) {
        double[] m = stats.mean();
        double[] s = stats.std();
        return new Normalization(List.of(m[0], m[1], m[2]), List.of(s[0], s[1], s[2]));
    }

    /** Validates: three channels, finite values, positive std. */
    public Normalization {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (mean.size() != 3 || std.size() != 3) {
            throw new IllegalArgumentException(
                    "normalization needs 3 channels, got mean " + mean + " std " + std);
        }
        for (int c = 0; c < 3; c++) {
            if (!Double.isFinite(mean.get(c))
                    || !(std.get(c) > 0)
                    || !Double.isFinite(std.get(c))) {
                throw new IllegalArgumentException(
                        "normalization channel " + c + " invalid: mean " + mean + " std " + std);
            }
        }
    }
}
