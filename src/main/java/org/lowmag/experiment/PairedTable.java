package org.lowmag.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowmag.dataset.Csv;
import org.lowmag.eval.Estimate;
import org.lowmag.eval.PairedDifference;
import org.lowmag.eval.PairedDifference.Verdict;
import org.lowmag.report.TextTable;
import org.lowmag.slide.Magnification;
import org.lowmag.util.AtomicFiles;

/**
 * The paired comparisons as the report's table and as {@code paired.csv}. A difference is shown in
 * percentage points with its 95% interval, {@code "+2.35 (+0.50, +4.10)"}; the words say on which
 * side of 0 the accuracy interval lies ("KD above the baseline", "CI includes 0", "KD below the
 * teacher"). Exact accuracy and the paper's accuracy always agree in sign: with {@code k} classes
 * and the same tissues, the accuracy difference is {@code 2/k} times the exact-accuracy one.
 *
 * <p>{@code paired.csv} columns: {@code magnification, comparison, arm_a, arm_b, runs_a, runs_b}
 * ({@code comparison} is {@code "A - B"} in ASCII; runs joined by {@code ;}), {@code tissues,
 * groups, exact_accuracy_diff, exact_accuracy_diff_ci_low, exact_accuracy_diff_ci_high,
 * accuracy_diff, accuracy_diff_ci_low, accuracy_diff_ci_high} (fractions), {@code verdict} ({@code
 * above}, {@code includes_0}, {@code below}; of the accuracy interval).
 */
final class PairedTable {

    private PairedTable() {}

    /**
     * @param rows the comparisons
     * @return the report table
     */
    static TextTable table(List<PairedComparisons.Comparison> rows) {
        TextTable t =
                new TextTable(
                        "Magnification",
                        "Comparison (A − B)",
                        "Exact accuracy difference, pp (95% CI)",
                        "Accuracy difference, pp (95% CI)",
                        "In words");
        for (PairedComparisons.Comparison c : rows) {
            PairedDifference d = c.difference();
            t.row(
                    Magnification.format(c.magnification()) + "x",
                    c.label(),
                    points(d.exactAccuracy()),
                    points(d.accuracy()),
                    words(c));
        }
        return t;
    }

    /**
     * @param e a difference, fractions
     * @return it in signed percentage points, {@code "+2.35 (+0.50, +4.10)"}
     */
    static String points(Estimate e) {
        return String.format(
                Locale.ROOT,
                "%+.2f (%+.2f, %+.2f)",
                100 * e.value(),
                100 * e.ciLow(),
                100 * e.ciHigh());
    }

    /**
     * @param c a comparison
     * @return "KD above the baseline", "CI includes 0" or "KD below the teacher"
     */
    static String words(PairedComparisons.Comparison c) {
        return switch (Verdict.of(c.difference().accuracy())) {
            case ABOVE -> c.labelA() + " above " + noun(c.labelB());
            case BELOW -> c.labelA() + " below " + noun(c.labelB());
            case INCLUDES_ZERO -> "CI includes 0";
        };
    }

    /** "Baseline" reads "the baseline", "Teacher (10x)" "the teacher"; other labels as they are. */
    private static String noun(String label) {
        if (label.equals(Arms.label(Arms.BASELINE, null))) {
            return "the baseline";
        }
        if (label.startsWith(Arms.label(Arms.TEACHER, null))) {
            return "the teacher";
        }
        return label;
    }

    /**
     * Writes {@code paired.csv} atomically.
     *
     * @param file the target
     * @param rows the comparisons
     * @throws IOException when writing fails
     */
    static void writeCsv(Path file, List<PairedComparisons.Comparison> rows) throws IOException {
        StringBuilder sb =
                new StringBuilder(
                        Csv.line(
                                List.of(
                                        "magnification",
                                        "comparison",
                                        "arm_a",
                                        "arm_b",
                                        "runs_a",
                                        "runs_b",
                                        "tissues",
                                        "groups",
                                        "exact_accuracy_diff",
                                        "exact_accuracy_diff_ci_low",
                                        "exact_accuracy_diff_ci_high",
                                        "accuracy_diff",
                                        "accuracy_diff_ci_low",
                                        "accuracy_diff_ci_high",
                                        "verdict")));
        for (PairedComparisons.Comparison c : rows) {
            PairedDifference d = c.difference();
            List<String> row =
                    new ArrayList<>(
                            List.of(
                                    Magnification.format(c.magnification()),
                                    c.labelA() + " - " + c.labelB(),
                                    c.labelA(),
                                    c.labelB(),
                                    String.join(";", c.runsA()),
                                    String.join(";", c.runsB()),
                                    Integer.toString(d.tissues()),
                                    Integer.toString(d.groups())));
            for (Estimate e : List.of(d.exactAccuracy(), d.accuracy())) {
                row.add(Double.toString(e.value()));
                row.add(Double.toString(e.ciLow()));
                row.add(Double.toString(e.ciHigh()));
            }
            row.add(
                    switch (Verdict.of(d.accuracy())) {
                        case ABOVE -> "above";
                        case BELOW -> "below";
                        case INCLUDES_ZERO -> "includes_0";
                    });
            sb.append(Csv.line(row));
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
