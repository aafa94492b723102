package org.lowmag.distill;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The set {@code G} of resizers in the pixel loss, chosen by a flag. The paper's choice, and the
 * default, is {@link #MAXPOOL_BICUBIC}: {@code pixel = 1/2 * (D(g_max(F_t), F_s) + D(g_bic(F_t),
 * F_s))}. (The authors' published code drops the bicubic term in that mode; LowMag follows the
 * paper's equation 3.)
 */
public enum ResizeMode {
    /** No pixel term: {@code pixel = 0}. */
    NONE("none", List.of()),
    /** Adaptive max pooling only. */
    MAXPOOL("maxpool", List.of(AdaptiveMaxPoolResizer.INSTANCE)),
    /** Plain bicubic only. */
    BICUBIC("bicubic", List.of(BicubicResizer.INSTANCE)),
    /** Both, averaged (the paper). */
    MAXPOOL_BICUBIC(
            "maxpool+bicubic", List.of(AdaptiveMaxPoolResizer.INSTANCE, BicubicResizer.INSTANCE));

    private final String flag;
    private final List<FeatureResizer> resizers;

    ResizeMode(String flag, List<FeatureResizer> resizers) {
        this.flag = flag;
        this.resizers = resizers;
    }

    /**
     * @return the flag spelling ({@code none}, {@code maxpool}, {@code bicubic}, {@code
     *     maxpool+bicubic})
     */
    public String flag() {
        return flag;
    }

    /**
     * @return the resizers {@code G}, empty for {@link #NONE}
     */
    public List<FeatureResizer> resizers() {
        return resizers;
    }

    /**
     * Parses a flag value.
     *
     * @param flag one of {@code none | maxpool | bicubic | maxpool+bicubic} (case-insensitive)
     * @return the mode
     * @throws IllegalArgumentException naming the bad value and the allowed ones
     */
    public static ResizeMode fromFlag(String flag) {
        for (ResizeMode mode : values()) {
            if (mode.flag.equalsIgnoreCase(flag.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "unknown resize mode '"
                        + flag
                        + "': expected one of "
                        + Arrays.stream(values())
                                .map(ResizeMode::flag)
                                .collect(Collectors.joining(" | ")));
    }

    @Override
    public String toString() {
        return flag;
    }
}
