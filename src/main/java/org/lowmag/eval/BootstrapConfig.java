package org.lowmag.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the percentile bootstrap (recorded in every metrics report).
 *
 * @param iterations the number of resamples {@code B >= 1} (paper: 10,000)
 * @param level the confidence level in (0, 1) (paper: 0.95); the interval is the {@code
 *     ((1-level)/2, (1+level)/2)} percentile range of the resampled metric
 * @param seed the seed every resample is derived from
 */
public record BootstrapConfig(int iterations, double level, long seed) {

    /** Iterations used in the paper. */
    public static final int DEFAULT_ITERATIONS = 10_000;

    /** Confidence level used in the paper. */
    public static final double DEFAULT_LEVEL = 0.95;

    /** Checks the ranges. */
    public BootstrapConfig {
        if (iterations < 1) {
            throw new IllegalArgumentException(
                    "bootstrap iterations = " + iterations + " must be at least 1");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(
                    "confidence level = " + level + " must be strictly between 0 and 1");
        }
    }

    /**
     * @param seed the seed
     * @return the paper's settings (10,000 iterations, 95%) with this seed
     */
    public static BootstrapConfig paper(long seed) {
        return new BootstrapConfig(DEFAULT_ITERATIONS, DEFAULT_LEVEL, seed);
    }

    /**
     * @return the lower percentile probability {@code (1 - level) / 2}
     */
    public double lowerQuantile() {
        return (1 - level) / 2;
    }

    /**
     * @return the upper percentile probability {@code (1 + level) / 2}
     */
    public double upperQuantile() {
        return (1 + level) / 2;
    }

    /**
     * @return {@code {"method": "percentile", "iterations": B, "seed": s, "level": l}}
     */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "percentile");
        m.put("iterations", iterations);
        m.put("seed", seed);
        m.put("level", level);
        return m;
    }
}
