package org.lowmag.report;

/**
 * One model on the accuracy-versus-cost plot (paper Figure 3).
 *
 * @param arm the series the point belongs to, e.g. "teacher", "baseline", "kd", "kd+aux"
 * @param magnification the input magnification, e.g. 2.5 (labelled "2.5x"); positive
 * @param gflops the cost of one forward pass in GFLOPs (10^9 floating-point operations); positive
 * @param value the metric as a fraction in [0, 1] (plotted in percent)
 * @param ciLow lower end of its confidence interval, fraction
 * @param ciHigh upper end of its confidence interval, fraction, {@code >= ciLow}
 */
public record CostPoint(
        String arm,
        double magnification,
        double gflops,
        double value,
        double ciLow,
        double ciHigh) {

    /** Checks that the numbers can be plotted on a log-cost axis. */
    public CostPoint {
        if (arm == null || arm.isBlank()) {
            throw new IllegalArgumentException("arm name is empty");
        }
        if (!(magnification > 0) || !Double.isFinite(magnification)) {
            throw new IllegalArgumentException(
                    "magnification = " + magnification + " of arm " + arm + " must be positive");
        }
        if (!(gflops > 0) || !Double.isFinite(gflops)) {
            throw new IllegalArgumentException(
                    "gflops = " + gflops + " of arm " + arm + " must be positive (log axis)");
        }
        Intervals.check(arm, value, ciLow, ciHigh);
    }
}
