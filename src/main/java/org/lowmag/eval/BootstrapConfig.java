package org.lowmag.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the percentile bootstrap (recorded in every metrics report).
 *
 * @param iterations the number of resamples {@code B >= 1} (paper: 10,000)
 * @param level the confidence level in (0, 1) (paper: 0.95); the interval is the {@code
 *     ((1-level)/2, (1+level)/2)} percentile range of the resampled metric
 * @param seed the seed every resample is derived from
 * @param unit what is drawn with replacement: single test items, or whole groups of them
 */
public record BootstrapConfig(int iterations, double level, long seed, Unit unit) {

    /** Iterations used in the paper. */
    public static final int DEFAULT_ITERATIONS = 10_000;

    /** Confidence level used in the paper. */
    public static final double DEFAULT_LEVEL = 0.95;

    /**
     * The resampling unit of the bootstrap.
     *
     * <p>{@code TISSUE} draws test items independently, which is right when items are independent.
     * {@code GROUP} draws whole groups (patients, slides, sets of near-duplicate images) with all
     * their items, the cluster bootstrap: items of one group are correlated, and treating them as
     * independent makes the interval too narrow.
     */
    public enum Unit {
        /** Each test item (tissue) is drawn on its own. */
        TISSUE,
        /** Each group is drawn with all its items. */
        GROUP;

        /**
         * @return the lower-case name used in JSON and configuration files
         */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param key {@code tissue} or {@code group}, any case
         * @return the unit
         * @throws IllegalArgumentException naming the accepted values
         */
        public static Unit parse(String key) {
            for (Unit u : values()) {
                if (u.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
                    return u;
                }
            }
            throw new IllegalArgumentException(
                    "unknown bootstrap unit '" + key + "': use tissue or group");
        }
    }

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
        if (unit == null) {
            throw new IllegalArgumentException("bootstrap unit is missing: use TISSUE or GROUP");
        }
    }

    /**
     * Tissue-level settings.
     *
     * @param iterations the number of resamples
     * @param level the confidence level
     * @param seed the seed
     */
    public BootstrapConfig(int iterations, double level, long seed) {
        this(iterations, level, seed, Unit.TISSUE);
    }

    /**
     * @param seed the seed
     * @return the paper's settings (10,000 iterations, 95%, tissue-level) with this seed
     */
    public static BootstrapConfig paper(long seed) {
        return new BootstrapConfig(DEFAULT_ITERATIONS, DEFAULT_LEVEL, seed);
    }

    /**
     * @param u a resampling unit
     * @return these settings with that unit
     */
    public BootstrapConfig withUnit(Unit u) {
        return new BootstrapConfig(iterations, level, seed, u);
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
     * @return {@code {"method": "percentile", "iterations": B, "seed": s, "level": l, "unit":
     *     "tissue" | "group"}}
     */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "percentile");
        m.put("iterations", iterations);
        m.put("seed", seed);
        m.put("level", level);
        m.put("unit", unit.key());
        return m;
    }
}
