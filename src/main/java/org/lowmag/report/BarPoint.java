package org.lowmag.report;

/**
 * One bar of a grouped bar chart, e.g. an ablation of resize mode (series) by magnification
 * (group).
 *
 * @param group the category on the x axis, e.g. "2.5x"
 * @param series the bar within the group (and the legend entry), e.g. "lanczos"
 * @param value the metric as a fraction in [0, 1] (plotted in percent)
 * @param ciLow lower end of its confidence interval, fraction
 * @param ciHigh upper end of its confidence interval, fraction, {@code >= ciLow}
 */
public record BarPoint(String group, String series, double value, double ciLow, double ciHigh) {

    /** Checks names and the interval. */
    public BarPoint {
        if (group == null || group.isBlank() || series == null || series.isBlank()) {
            throw new IllegalArgumentException(
                    "bar needs a group and a series name, got group="
                            + group
                            + " series="
                            + series);
        }
        Intervals.check(series + "/" + group, value, ciLow, ciHigh);
    }
}
