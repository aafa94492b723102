package org.lowmag.report;

import java.util.Locale;
import org.lowmag.eval.Estimate;

/**
 * Formats a metric with its confidence interval as in the paper's tables: percent with two
 * decimals, {@code "v (low-high)"}, e.g. {@code 0.8706, 0.8565, 0.8848 -> "87.06 (85.65-88.48)"}.
 * Rounding is half-up on the decimal value of the double ({@link String#format}), always with a dot
 * as decimal separator.
 */
public final class CiFormat {

    private CiFormat() {}

    /**
     * @param value the metric as a fraction
     * @param ciLow the interval's lower end, fraction
     * @param ciHigh the interval's upper end, fraction
     * @return {@code "87.06 (85.65-88.48)"}
     */
    public static String percent(double value, double ciLow, double ciHigh) {
        return String.format(
                Locale.ROOT, "%.2f (%.2f-%.2f)", 100 * value, 100 * ciLow, 100 * ciHigh);
    }

    /**
     * @param estimate a metric with its interval, fractions
     * @return {@code "87.06 (85.65-88.48)"}
     */
    public static String percent(Estimate estimate) {
        return percent(estimate.value(), estimate.ciLow(), estimate.ciHigh());
    }

    /**
     * @param value a fraction
     * @return it in percent with two decimals, {@code 0.8706 -> "87.06"}
     */
    public static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f", 100 * value);
    }
}
