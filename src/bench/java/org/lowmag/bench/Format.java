package org.lowmag.bench;

import java.util.Locale;

/** Number formatting for the benchmark output: three significant digits, spread in brackets. */
final class Format {

    private Format() {}

    /**
     * @param v a value
     * @return {@code v} with three significant digits (plain notation between 0.001 and 1e6)
     */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * @param s samples
     * @param unit their unit
     * @return {@code median unit [min-max] (n=k)}
     */
    static String summary(Samples s, String unit) {
        return num(s.median())
                + " "
                + unit
                + " ["
                + num(s.min())
                + "-"
                + num(s.max())
                + "] (n="
                + s.values().length
                + ")";
    }
}
