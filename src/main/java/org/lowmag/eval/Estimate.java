package org.lowmag.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A point estimate with its bootstrap confidence interval.
 *
 * @param value the metric on the whole test set
 * @param ciLow the lower percentile of the resampled metric
 * @param ciHigh the upper percentile of the resampled metric ({@code >= ciLow}); the point value is
 *     usually, but not necessarily, inside {@code [ciLow, ciHigh]}
 */
public record Estimate(double value, double ciLow, double ciHigh) {

    /** Checks that the numbers are finite and the interval is ordered. */
    public Estimate {
        if (!Double.isFinite(value) || !Double.isFinite(ciLow) || !Double.isFinite(ciHigh)) {
            throw new IllegalArgumentException(
                    "estimate must be finite: value="
                            + value
                            + " ci=["
                            + ciLow
                            + ", "
                            + ciHigh
                            + "]");
        }
        if (ciLow > ciHigh) {
            throw new IllegalArgumentException(
                    "confidence interval is reversed: ci_low=" + ciLow + " > ci_high=" + ciHigh);
        }
    }

    /**
     * @return {@code {"value": v, "ci_low": a, "ci_high": b}} in that order
     */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("ci_low", ciLow);
        m.put("ci_high", ciHigh);
        return m;
    }
}
