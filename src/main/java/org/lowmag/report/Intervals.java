package org.lowmag.report;

/** Validation of plotted values with confidence intervals. */
final class Intervals {

    private Intervals() {}

    /**
     * @param what names the point in the message
     * @param value the value
     * @param ciLow lower end
     * @param ciHigh upper end
     * @throws IllegalArgumentException when a number is not finite or {@code ciLow > ciHigh}
     */
    static void check(String what, double value, double ciLow, double ciHigh) {
        if (!Double.isFinite(value) || !Double.isFinite(ciLow) || !Double.isFinite(ciHigh)) {
            throw new IllegalArgumentException(
                    what
                            + ": value "
                            + value
                            + " and CI ["
                            + ciLow
                            + ", "
                            + ciHigh
                            + "] must be finite");
        }
        if (ciLow > ciHigh) {
            throw new IllegalArgumentException(
                    what + ": CI is reversed, ci_low " + ciLow + " > ci_high " + ciHigh);
        }
    }
}
