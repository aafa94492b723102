package org.lowmag.bench;

import java.util.Locale;

/**
 * One line of the benchmark table: a LowMag figure, its reference measured in the same run, their
 * ratio (the ratio of medians, with the range from the extreme samples) and the target.
 *
 * @param section the benchmark, e.g. {@code 2 train vs PyTorch}
 * @param figure what is measured, e.g. {@code resnet18 256 px, tissues/s}
 * @param lowmag LowMag's samples (never null)
 * @param unit the unit of both sample sets
 * @param referenceName the reference, e.g. {@code PyTorch 1.13} (null: no reference)
 * @param reference the reference's samples (null: no reference)
 * @param minRatio the target lower bound of the ratio (NaN: none)
 * @param maxRatio the target upper bound of the ratio (NaN: none)
 * @param percent whether the ratio reads as a percentage (of a peak) rather than a factor
 */
public record ReportRow(
        String section,
        String figure,
        Samples lowmag,
        String unit,
        String referenceName,
        Samples reference,
        double minRatio,
        double maxRatio,
        boolean percent) {

    /**
     * A figure without reference.
     *
     * @param section the benchmark
     * @param figure what is measured
     * @param lowmag the samples
     * @param unit their unit
     * @return the row
     */
    public static ReportRow alone(String section, String figure, Samples lowmag, String unit) {
        return new ReportRow(
                section, figure, lowmag, unit, null, null, Double.NaN, Double.NaN, false);
    }

    /**
     * @return median of LowMag over median of the reference (NaN without reference)
     */
    public double ratio() {
        return reference == null ? Double.NaN : lowmag.median() / reference.median();
    }

    /**
     * @return the smallest ratio of any LowMag sample to any reference sample
     */
    public double ratioLow() {
        return reference == null ? Double.NaN : lowmag.min() / reference.max();
    }

    /**
     * @return the largest ratio of any LowMag sample to any reference sample
     */
    public double ratioHigh() {
        return reference == null ? Double.NaN : lowmag.max() / reference.min();
    }

    /**
     * @return the target as text ({@code >= 1.2x}, {@code <= 100%}, or empty)
     */
    public String target() {
        StringBuilder sb = new StringBuilder();
        if (!Double.isNaN(minRatio)) {
            sb.append(">= ").append(ratioText(minRatio));
        }
        if (!Double.isNaN(maxRatio)) {
            sb.append(sb.length() > 0 ? ", " : "").append("<= ").append(ratioText(maxRatio));
        }
        return sb.toString();
    }

    /**
     * @return {@code yes}, {@code NO} or empty when there is no target
     */
    public String met() {
        if (Double.isNaN(minRatio) && Double.isNaN(maxRatio)) {
            return "";
        }
        double r = ratio();
        boolean ok =
                (Double.isNaN(minRatio) || r >= minRatio)
                        && (Double.isNaN(maxRatio) || r <= maxRatio);
        return ok ? "yes" : "NO";
    }

    /**
     * @param r a ratio
     * @return {@code 1.23x} or {@code 45%}
     */
    public String ratioText(double r) {
        if (Double.isNaN(r)) {
            return "";
        }
        return percent ? String.format(Locale.ROOT, "%.0f%%", 100 * r) : Format.num(r) + "x";
    }

    /**
     * @return the ratio with its range, e.g. {@code 1.21x [1.05-1.40]}
     */
    public String ratioCell() {
        if (reference == null) {
            return "";
        }
        return ratioText(ratio())
                + " ["
                + ratioText(ratioLow())
                + "-"
                + ratioText(ratioHigh())
                + "]";
    }

    /**
     * @return the LowMag cell: {@code median unit [min-max]}
     */
    public String lowmagCell() {
        return cell(lowmag);
    }

    /**
     * @return the reference cell: {@code name: median unit [min-max]}
     */
    public String referenceCell() {
        return reference == null ? "" : referenceName + ": " + cell(reference);
    }

    private String cell(Samples s) {
        String body = Format.num(s.median()) + " " + unit;
        return s.values().length == 1
                ? body
                : body + " [" + Format.num(s.min()) + "-" + Format.num(s.max()) + "]";
    }
}
